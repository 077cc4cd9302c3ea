#!/usr/bin/env bash
# The batch CLI's speed-up: N articles (default 10,000) made in a temp folder by repeating the
# corpus (../shared/corpus, or ZHIBIAO_CORPUS), in folders of 100, run with --jobs 1 and with
# --jobs J (default 2) in jsonl: the outputs must be the same bytes; prints both times and the
# speed-up. A benchmark, not a test: run it on a quiet machine.
#   scripts/batch-bench.sh [N] [J]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
jobs=${2:-2}
corpus=${ZHIBIAO_CORPUS:-../shared/corpus}
cargo build --quiet --release
bin=$PWD/target/release/zhibiao
mapfile -t files < <(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' \) | sort)
[ ${#files[@]} -gt 0 ] || { echo "batch-bench: no articles in $corpus" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for ((i = 0; i < n; i++)); do
  dir=$work/in/$((i / 100))
  [ $((i % 100)) -eq 0 ] && mkdir -p "$dir"
  f=${files[i % ${#files[@]}]}
  cp "$f" "$dir/$i.${f##*.}"
done
echo "batch-bench: $n articles, $(du -sm "$work/in" | cut -f1) MB, $(nproc) cores"
run() { # jobs output -> seconds
  local start end
  start=$(date +%s.%N)
  "$bin" --format jsonl --jobs "$1" "$work/in" >"$2" 2>"$2.err"
  end=$(date +%s.%N)
  awk "BEGIN { printf \"%.2f\", $end - $start }"
}
t1=$(run 1 "$work/one.jsonl")
tn=$(run "$jobs" "$work/many.jsonl")
cmp "$work/one.jsonl" "$work/many.jsonl"
echo "batch-bench: --jobs 1: ${t1}s; $(tail -1 "$work/one.jsonl.err")"
echo "batch-bench: --jobs $jobs: ${tn}s; $(tail -1 "$work/many.jsonl.err")"
echo "batch-bench: same bytes out ($(wc -c <"$work/one.jsonl") bytes); speed-up $(awk "BEGIN { printf \"%.2f\", $t1 / $tn }")x"
