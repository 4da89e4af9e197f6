#!/usr/bin/env bash
# The own-domain measurements of tutorials/own_domain.ipynb (issue #32): every strategy is one `qa-nb adapt` (or `qa-nb curve`) command.
# Usage: bash tools/own_domain.sh START_MODEL [PHASE]   (from the project root; data in ../shared/data)
# Outputs: runs/own-domain/<domain>-<strategy>/ (adapt.json, before_after.md, the model); runs/own-domain/curve-<domain>/.
set -euo pipefail
S=${1:?start model folder, e.g. runs/minilm-squad-b16-4000}; PHASE=${2:-all}
Q=../shared/data/subjqa; D=../shared/data/squad; O=runs/own-domain
COMMON="--general $D/dev-v2.0.json --general-limit 500 --quiet"
run() { local out=$1; shift; [ -f $O/$out/adapt.json ] && { echo "$out: done"; return; }; echo "== $out: $*"; qa-nb adapt --output $O/$out "$@"; }
for dom in ${DOMAINS:-electronics restaurants}; do
  F="--train $Q/$dom-train.json --validation $Q/$dom-dev.json --test $Q/$dom-test.json"
  case $PHASE in all|seq)    run $dom-seq      --model $S $F $COMMON --replay none --lr 5e-5 --epochs 2;; esac
  case $PHASE in all|replay) run $dom-replay0.5 --model $S $F $COMMON --skip-start --replay $D/train-v1.1.json,$D/train-v2.0-unanswerable.json --replay-ratio 0.5 --lr 5e-5 --epochs 2;; esac
  case $PHASE in all|seq2)   run $dom-seq-lr1e-4-ep3 --model $S $F $COMMON --skip-start --replay none --lr 1e-4 --epochs 3;; esac
  case $PHASE in all|base)   run $dom-base     --model minilm --new-head $F $COMMON --skip-start --replay none --lr 1e-4 --epochs 2;; esac
done
# How many questions: nested subsets of the restaurants questions, two orders for the smallest size, the sequential strategy's settings
case $PHASE in all|curve)
  [ -f $O/curve-restaurants/curve.png ] || qa-nb curve --model $S --train $Q/restaurants-train.json --validation $Q/restaurants-dev.json \
    --test $Q/restaurants-test.json --output $O/curve-restaurants --sizes 100,300,700 --seeds 2 --seeds-upto 100 --replay none \
    --set learning_rate=5e-5 epochs=2 --quiet;;
esac
