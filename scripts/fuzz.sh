#!/usr/bin/env bash
# Fuzz the engine with libFuzzer for SECONDS (default 60) on TARGET (analyze, html or scale;
# default analyze), on stable Rust without cargo-fuzz: the target is built by cargo with the
# coverage flags cargo-fuzz passes, then run on the seed corpus (fuzz/corpus/TARGET, committed)
# plus a working corpus (fuzz/target/corpus/TARGET, not committed) where new inputs go.
# Exits non-zero on a crash, a timeout, running out of memory or an input slower than a second;
# the input that did it is saved under fuzz/artifacts/TARGET/. JOBS=2 runs two fuzzers at once.
# FUZZ_VERBOSE=1 shows every new input. Extra arguments go to libFuzzer as they are; given
# files, it replays them instead of fuzzing:
#   scripts/fuzz.sh 0 analyze FILE                                      the panic and backtrace
#   scripts/fuzz.sh 0 analyze -minimize_crash=1 -max_total_time=60 FILE  a smaller input
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

seconds=${1:-60}
target=${2:-analyze}
shift $(($# < 2 ? $# : 2))
jobs=${JOBS:-1}
max_len=${MAX_LEN:-4096}

case "$target" in
  analyze | html | scale) ;;
  *) echo "fuzz: unknown target '$target' (analyze, html, scale)" >&2; exit 2 ;;
esac

# An explicit --target keeps these flags off build scripts and proc macros (serde_derive),
# which must not be instrumented. The flags are cargo-fuzz's for `-s none`: coverage counters
# and comparison tracing for libFuzzer, `cfg(fuzzing)`, and debug assertions and overflow
# checks so arithmetic slips crash instead of wrapping.
host=$(rustc -vV | sed -n 's/^host: //p')
export RUSTFLAGS="-Cpasses=sancov-module \
  -Cllvm-args=-sanitizer-coverage-level=4 \
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
  -Cllvm-args=-sanitizer-coverage-pc-table \
  -Cllvm-args=-sanitizer-coverage-trace-compares \
  -Cllvm-args=-simplifycfg-branch-fold-threshold=0 \
  --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
echo "fuzz: building $target"
cargo build --release --quiet --manifest-path fuzz/Cargo.toml --target "$host" --bin "$target"
bin=fuzz/target/$host/release/$target

work=fuzz/target/corpus/$target
artifacts=fuzz/artifacts/$target
mkdir -p "$work" "$artifacts"
dict=fuzz/$target.dict
seeds=fuzz/corpus/$target
if [ "$target" = scale ]; then
  # Small units of news text, repeated by the target: the analyze seeds serve.
  dict=fuzz/analyze.dict
  seeds=fuzz/corpus/analyze
  max_len=${MAX_LEN:-512}
fi

echo "fuzz: $target for ${seconds}s, seeds $seeds, corpus $work, crashes $artifacts/"
args=(-max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048
  -report_slow_units=1 -print_final_stats=1 -artifact_prefix="$artifacts/" -dict="$dict")
if [ "$jobs" -gt 1 ]; then
  args+=(-fork="$jobs")
fi
replay=0
for a in "$@"; do [ -f "$a" ] && replay=1; done
if [ "$replay" = 1 ]; then
  # Files given: replay them (or minimise one, with -minimize_crash=1), no corpus.
  if ! "$bin" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts/" "$@"; then
    echo "fuzz: FAILED on the input given" >&2
    exit 1
  fi
  echo "fuzz: $target: done"
  exit 0
fi

stamp=$(mktemp)
trap 'rm -f "$stamp"' EXIT
# One line per new input is thousands of lines a minute: kept only with FUZZ_VERBOSE=1. The
# start, the pulses, the end with its coverage and any crash report always show.
quiet='^#[0-9]+[[:space:]]+(NEW|REDUCE)[[:space:]]|^[[:space:]]+NEW_FUNC|^"'
set +e
"$bin" "${args[@]}" "$@" "$work" "$seeds" 2>&1 \
  | if [ -n "${FUZZ_VERBOSE:-}" ]; then cat; else grep --line-buffered -Ev "$quiet"; fi
status=${PIPESTATUS[0]}
set -e
found=$(find "$artifacts" -type f -newer "$stamp")
# A slow unit does not stop libFuzzer, but super-linear work is a bug here all the same.
if [ "$status" -ne 0 ] || [ -n "$found" ]; then
  echo "fuzz: FAILED (exit $status); the input that did it, to replay with scripts/fuzz.sh 0 $target FILE:" >&2
  echo "$found" >&2
  exit $((status == 0 ? 1 : status))
fi
echo "fuzz: $target ran ${seconds}s without a crash ($(find "$work" -type f | wc -l) inputs in $work)"
