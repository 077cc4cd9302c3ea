#!/usr/bin/env bash
# Score the release CLI and hold the line, each against the best reached so far:
#   seeds        the seed gold (../shared/eval/gold): P and R, in .ci/score-ratchet
#   genres       the genre gold (tables, PDF copies, Taiwan news …): P, R and the share of
#                bases right, in .ci/genre-ratchet
#   metamorphic  every corpus text rewritten five ways (Traditional, full-width, ASCII
#                punctuation, a PDF copy, Word HTML): the worst share of facts kept and the
#                worst share added, in .ci/metamorphic-ratchet
# Any fact from page furniture fails. `scripts/score.sh --update` raises the ratchets after an
# improvement; commit the files. ZHIBIAO_SHARED points at the shared material when it is not
# ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${ZHIBIAO_SHARED:-../shared}
eval_dir=$shared/eval
if [ ! -f "$eval_dir/score.py" ]; then
  echo "score: $eval_dir not here, skipped"
  exit 0
fi
update=${1:-}
cargo build --release --quiet --bin zhibiao
cmd="target/release/zhibiao --format json"
failed=0

# check NAME RATCHET_FILE "FIGURES" "DIRECTIONS": FIGURES and DIRECTIONS are space-separated,
# a direction `+` for higher is better, `-` for lower is better.
check() {
  local name=$1 file=$2 figures=$3 dirs=$4
  if [ "$update" = "--update" ]; then
    python3 - "$file" "$figures" "$dirs" <<'PY'
import sys, os
path, figs, dirs = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
old = open(path).read().split() if os.path.exists(path) else figs
best = [max(float(f), float(o)) if d == "+" else min(float(f), float(o))
        for f, o, d in zip(figs, old, dirs)]
open(path, "w").write(" ".join(f"{b:.3f}" for b in best) + "\n")
PY
    echo "$name: ratchet now $(cat "$file")"
    return 0
  fi
  python3 - "$name" "$file" "$figures" "$dirs" <<'PY' || failed=1
import sys
name, path, figs, dirs = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4].split()
best = open(path).read().split()
bad, better = [], False
for i, (f, b, d) in enumerate(zip(map(float, figs), map(float, best), dirs)):
    worse = f < b - 1e-9 if d == "+" else f > b + 1e-9
    if worse:
        bad.append(f"figure {i + 1} is {f:.3f}, the ratchet {b:.3f}")
    elif f != b:
        better = True
if bad:
    print(f"{name}: FAILED: " + "; ".join(bad))
    sys.exit(1)
if better:
    print(f"{name}: better than the ratchet; run scripts/score.sh --update and commit {path}")
PY
}

figure() { printf '%s\n' "$1" | sed -n "s/.* $2=\([0-9.]*\).*/\1/p"; }

# Seeds.
out=$(python3 "$eval_dir/score.py" --cmd "$cmd")
echo "$out"
line=$(printf '%s\n' "$out" | grep '^overall:')
noise=$(figure "$line" noise)
echo "seeds: P=$(figure "$line" P) R=$(figure "$line" R) noise=$noise (ratchet $(cat .ci/score-ratchet))"
[ "$noise" = 0 ] || { echo "seeds: FAILED: $noise facts came from page furniture"; failed=1; }
check seeds .ci/score-ratchet "$(figure "$line" P) $(figure "$line" R)" "+ +"

# Genres.
if [ -d "$eval_dir/gold-genres" ]; then
  out=$(python3 "$eval_dir/score.py" --cmd "$cmd" --gold "$eval_dir/gold-genres" \
    --corpus "$shared/corpus/genres")
  echo "$out"
  line=$(printf '%s\n' "$out" | grep '^overall:')
  basis=$(printf '%s\n' "$out" | sed -n 's/.*basis=\([0-9.]*\)\/.*/\1/p')
  noise=$(figure "$line" noise)
  echo "genres: P=$(figure "$line" P) R=$(figure "$line" R) basis=$basis noise=$noise" \
    "(ratchet $(cat .ci/genre-ratchet))"
  [ "$noise" = 0 ] || { echo "genres: FAILED: $noise facts came from page furniture"; failed=1; }
  check genres .ci/genre-ratchet "$(figure "$line" P) $(figure "$line" R) $basis" "+ + +"
fi

# Metamorphic: the worst transform's kept and added shares.
if [ -f "$eval_dir/metamorphic.py" ]; then
  out=$(python3 "$eval_dir/metamorphic.py" "$shared"/corpus/*/*.txt)
  echo "$out"
  kept=$(printf '%s\n' "$out" | sed -n 's/^[a-z]* *kept=\([0-9.]*\).*/\1/p' | sort -n | head -1)
  added=$(printf '%s\n' "$out" | sed -n 's/^[a-z]* *kept=.* added=\([0-9.]*\).*/\1/p' | sort -n | tail -1)
  echo "metamorphic: worst kept=$kept worst added=$added (ratchet $(cat .ci/metamorphic-ratchet))"
  check metamorphic .ci/metamorphic-ratchet "$kept $added" "+ -"
fi
exit $failed
