"""The paper's inter-subject reliability, computed as its format-CRP-input.py
does with pandas, against Shoal's report on the paper's 48 concept-task files.

Usage: paper_reliability_check.py SHOAL LLM_RESPONSES_DIR WORK_DIR

Per file (one population): the mean ChoiceNumber of every row grouped by
(Question, Concept), the question label as written; then per Concept the mean
of those over its questions. Shoal's `reliability.paper_intersubject` must
equal it to 1e-12 for every (population, concept), and the --tables
reliability CSV must carry the same number to its ten printed digits.
"""
import csv
import json
import os
import subprocess
import sys

import pandas as pd

TOLERANCE = 1e-12


def paper_concept_reliability(path):
    rows = pd.read_csv(path)
    question = rows.groupby(["Question", "Concept"])["ChoiceNumber"].mean().reset_index()
    return question.groupby("Concept")["ChoiceNumber"].mean().to_dict()


def main():
    shoal, data_dir, work = sys.argv[1:4]
    files = sorted(os.path.join(data_dir, f) for f in os.listdir(data_dir) if f.endswith(".csv"))
    if len(files) != 48:
        sys.exit(f"expected the paper's 48 concept-task files in {data_dir}, found {len(files)}")
    os.makedirs(work, exist_ok=True)
    report_path = os.path.join(work, "report.json")
    tables = os.path.join(work, "tables")
    subprocess.run([shoal, "concept", *files, "--iterations", "3", "--burn-in", "1", "--bootstrap", "0", "--quiet",
                    "--out", report_path, "--tables", tables], check=True)
    with open(report_path) as f:
        report = json.load(f)
    shoal_values = {}
    for population in report["populations"]:
        for concept in population["concepts"]:
            shoal_values[(population["name"], concept["concept"])] = concept["reliability"].get("paper_intersubject")
    with open(os.path.join(tables, "concept-reliability.csv"), newline="") as f:
        table_values = {(r["population"], r["concept"]): r.get("paper_intersubject") or "" for r in csv.DictReader(f)}

    failures, compared, largest = [], 0, 0.0
    # Shoal's own measures, for the record: on these files (one order per
    # question, first answers only) the mean choice coincides with the paper's
    # number; the pairwise agreement is another quantity.
    own_measures = {name: {} for name in ("mean_choice", "pairwise_agreement")}
    for p in report["populations"]:
        for c in p["concepts"]:
            for name, values in own_measures.items():
                values[(p["name"], c["concept"])] = c["reliability"]["between_individuals"][name]
    own_largest = {name: 0.0 for name in own_measures}
    for path, input_info in zip(files, report["inputs"]):
        if os.path.basename(path) != os.path.basename(input_info["name"]) or len(input_info["populations"]) != 1:
            sys.exit(f"report input {input_info['name']} does not match {path}")
        population = input_info["populations"][0]
        expected = paper_concept_reliability(path)
        if len(expected) != sum(1 for key in shoal_values if key[0] == population):
            failures.append(f"{population}: {len(expected)} concepts in the file, other count in the report")
        for concept, value in expected.items():
            key = (population, concept)
            got = shoal_values.get(key)
            compared += 1
            if got is None:
                failures.append(f"{key}: no paper_intersubject in the report (paper: {value!r})")
                continue
            difference = abs(got - value)
            largest = max(largest, difference)
            for name, values in own_measures.items():
                if values[key] is not None:
                    own_largest[name] = max(own_largest[name], abs(values[key] - value))
            if difference > TOLERANCE:
                failures.append(f"{key}: report {got!r}, paper {value!r}")
            printed = table_values.get(key, "")
            if printed == "" or abs(float(printed) - value) > 1e-9:
                failures.append(f"{key}: tables {printed!r}, paper {value!r}")
    print(f"compared {compared} (population, concept) values; largest difference {largest:.3g}; Shoal's own "
          f"mean choice differs by up to {own_largest['mean_choice']:.3g}, pairwise agreement by up to "
          f"{own_largest['pairwise_agreement']:.3g}")
    if failures:
        print("\n".join(failures[:20]))
        sys.exit(f"{len(failures)} mismatches")


if __name__ == "__main__":
    main()
