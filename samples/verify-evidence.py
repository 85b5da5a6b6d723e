#!/usr/bin/env python3
"""Recompute a report version's day digests and evidence digest from evidence.csv.gz alone.

    python3 samples/verify-evidence.py evidence.csv.gz [--month YYYY-MM]

Prints one line per day of the month (date TAB count TAB day digest) and the version's digest, to
compare with the report (Appendix C, summary.json, the signed claim). Standard library only.

The scheme, as the report documents it:
- factsSha256: SHA-256 of the columns code to catalogVersion, in file order, each with backslash,
  TAB, LF and CR escaped as \\\\, \\t, \\n, \\r, joined by TAB, UTF-8. Checked for every row.
- digest line: occurredAtUtc TAB identity TAB factsSha256 LF.
- day digest: SHA-256 of the day's digest lines in file order; of no bytes for a day without events.
- evidence digest: SHA-256 of "yyyy-MM-dd TAB count TAB day digest LF" for every day of the month in
  the report's time zone (the file's day column), in order.

The identity column is taken as written: recomputing it needs RFC 8785 canonical JSON of the raw
item, which `compliance verify --offline` does.
"""

import argparse
import calendar
import csv
import gzip
import hashlib
import io
import sys

FACT_COLUMNS = ["code", "name", "category", "outcome", "finding", "controls", "object", "details",
                "user", "sourceAddress", "service", "instance", "catalogVersion"]
COLUMNS = ["day", "occurredAtUtc", "identity", "factsSha256", *FACT_COLUMNS, "ingestedAtUtc", "raw"]


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def escape(value):
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def main():
    parser = argparse.ArgumentParser(description="Recompute the digests of a report version from evidence.csv.gz.")
    parser.add_argument("evidence", help="path to evidence.csv.gz")
    parser.add_argument("--month", help="YYYY-MM, needed only when the file has no rows")
    args = parser.parse_args()

    # Raw items may be up to a megabyte: above csv's default field limit.
    csv.field_size_limit(2**31 - 1)
    lines_by_day = {}
    problems = 0
    with gzip.open(args.evidence, "rb") as compressed:
        text = io.TextIOWrapper(compressed, encoding="utf-8", newline="")
        rows = csv.reader(text, strict=True)
        header = next(rows, None)
        if header != COLUMNS:
            sys.exit(f"{args.evidence} does not start with the header {','.join(COLUMNS)}")
        for number, row in enumerate(rows, start=2):
            if len(row) != len(COLUMNS):
                sys.exit(f"row {number} has {len(row)} fields, not {len(COLUMNS)}")
            field = dict(zip(COLUMNS, row))
            facts = sha256("\t".join(escape(field[name]) for name in FACT_COLUMNS))
            if facts != field["factsSha256"]:
                print(f"row {number}: {field['occurredAtUtc']} {field['identity']}: its facts hash to {facts}, not {field['factsSha256']}",
                      file=sys.stderr)
                problems += 1
            line = f"{field['occurredAtUtc']}\t{field['identity']}\t{field['factsSha256']}\n"
            lines_by_day.setdefault(field["day"], []).append(line)

    months = {day[:7] for day in lines_by_day} | ({args.month} if args.month else set())
    if len(months) != 1:
        sys.exit("the file's days span several months" if months else "the file has no rows: name the month with --month YYYY-MM")
    month = months.pop()
    year, number = int(month[:4]), int(month[5:7])
    days = [f"{month}-{day:02d}" for day in range(1, calendar.monthrange(year, number)[1] + 1)]
    strays = sorted(set(lines_by_day) - set(days))
    if strays:
        sys.exit(f"the file has rows on days that are not in {month}: {', '.join(strays)}")

    day_lines = []
    for day in days:
        lines = lines_by_day.get(day, [])
        day_line = f"{day}\t{len(lines)}\t{sha256(''.join(lines))}\n"
        day_lines.append(day_line)
        sys.stdout.write(day_line)
    print(f"events: {sum(len(lines) for lines in lines_by_day.values())}")
    print(f"digest: {sha256(''.join(day_lines))}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
