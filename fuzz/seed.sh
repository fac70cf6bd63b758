#!/usr/bin/env bash
# Seeds the fuzz corpora from the tests: case files (scenarios, golden cases, malformed and
# odd-but-valid ones) for the case parser; system files for the data loader; every
# condition of the built-in data for the condition parser; every line of the JSON Lines test
# files for the batch record reader. Run from anywhere; only adds
# files to fuzz/corpus/TARGET/ (which is not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=fuzz/corpus
mkdir -p "$corpus/case_parser" "$corpus/data_loader" "$corpus/condition_parser" "$corpus/batch_record"

n=0
for f in tests/scenarios/*.toml tests/malformed/cases/*.toml tests/malformed/accepted/*.toml; do
  cp "$f" "$corpus/case_parser/seed-$(basename "$(dirname "$f")")-$(basename "$f")"; n=$((n+1))
done
# Golden cases hold many cases per file ([[case]] with a [case.facts] table): each file is
# still a useful seed of keys and values.
while IFS= read -r -d '' f; do
  cp "$f" "$corpus/case_parser/seed-golden-$(echo "$f" | tr '/' '_')"; n=$((n+1))
done < <(find tests/golden -name '*.toml' -print0 2>/dev/null)
echo "case_parser: $n seeds"

n=0
for f in tests/malformed/data/systems/*.toml tests/fixtures/compare/*.toml; do
  cp "$f" "$corpus/data_loader/seed-$(basename "$(dirname "$f")")-$(basename "$f")"; n=$((n+1))
done
for f in tests/malformed/data/vocabularies/*.toml; do
  # A vocabulary seed: the broken addition, then the split line, then a small system.
  { cat "$f"; printf '\n#@@ system\n'; cat tests/fixtures/compare/xa.toml; } \
    > "$corpus/data_loader/seed-vocabulary-$(basename "$f")"; n=$((n+1))
done
echo "data_loader: $n seeds"

n=0
for f in jurisdictions/*.toml guidelines/*.toml tests/fixtures/compare/*.toml; do
  # One-line conditions: when = "…" or when = '…'.
  { grep -oE "when = (\"[^\"]*\"|'[^']*')" "$f" || true; } | sed -E "s/^when = .(.*).$/\1/" | while IFS= read -r c; do
    h=$(printf '%s' "$c" | cksum | cut -d' ' -f1)
    printf '%s' "$c" > "$corpus/condition_parser/seed-$h"
  done
done
echo "condition_parser: $(ls "$corpus/condition_parser" | wc -l) seeds"

# Batch records: every line of the JSON Lines test files (good and bad).
n=0
for f in tests/batch/*.jsonl; do
  while IFS= read -r line; do
    h=$(printf '%s' "$line" | cksum | cut -d' ' -f1)
    printf '%s' "$line" > "$corpus/batch_record/seed-$h"; n=$((n+1))
  done < "$f"
done
echo "batch_record: $n seeds"
