#!/usr/bin/env bash
# Score the release CLI on the seed gold (../shared/eval) and hold the line: fail when
# precision or recall drops below the best reached so far, or when any card comes from page
# furniture. The best figures live in .ci/score-ratchet; `scripts/score.sh --update` raises
# them after an improvement.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval
if [ ! -f "$eval_dir/score.py" ]; then
  echo "score: ../shared/eval not here, skipped"
  exit 0
fi
cargo build --release --quiet --bin zhibiao
out=$(python3 "$eval_dir/score.py" --cmd "target/release/zhibiao --format json")
echo "$out"
line=$(printf '%s\n' "$out" | grep '^overall:')
get() { printf '%s\n' "$line" | sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
p=$(get P); r=$(get R); noise=$(get noise)
read -r best_p best_r < .ci/score-ratchet
echo "score: P=$p R=$r noise=$noise (ratchet P>=$best_p R>=$best_r noise=0)"
if [ "${1:-}" = "--update" ]; then
  python3 - "$p" "$r" "$best_p" "$best_r" <<'PY' > .ci/score-ratchet
import sys
p, r, bp, br = map(float, sys.argv[1:])
print(f"{max(p, bp):.3f} {max(r, br):.3f}")
PY
  echo "score: ratchet now $(cat .ci/score-ratchet)"
  exit 0
fi
python3 - "$p" "$r" "$noise" "$best_p" "$best_r" <<'PY'
import sys
p, r, noise, bp, br = map(float, sys.argv[1:])
bad = []
if p < bp: bad.append(f"precision {p:.3f} fell below {bp:.3f}")
if r < br: bad.append(f"recall {r:.3f} fell below {br:.3f}")
if noise > 0: bad.append(f"{noise:.0f} facts came from page furniture")
if bad:
    print("score: FAILED: " + "; ".join(bad))
    sys.exit(1)
if p > bp or r > br:
    print("score: better than the ratchet; run scripts/score.sh --update and commit .ci/score-ratchet")
PY
