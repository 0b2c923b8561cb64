#!/usr/bin/env bash
# Writes examples/workbooks/*.xlsx: templates pre-filled from the example responses by `naq template
# --from`, then opened and saved again by LibreOffice, as a workbook comes back from an agency.
# Needs a built naq and LibreOffice Calc (apt-get install libreoffice-calc-nogui). The tests read the
# results and need no LibreOffice.
set -euo pipefail
cd "$(dirname "$0")/.."
out=examples/workbooks
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
for agency in health interior; do
  node bin/naq.js template --from "examples/responses/XX-$agency.yaml" \
    --send-to "the National CBRN Team secretariat, nfp@kestria.example" --out "$tmp/XX-$agency.xlsx"
  soffice --headless "-env:UserInstallation=file://$tmp/profile" --convert-to xlsx --outdir "$out" "$tmp/XX-$agency.xlsx" >/dev/null
done
ls -l "$out"
