"""Prints action.yml's steps as a workflow, for actionlint (which checks workflows, not
action metadata): a workflow_dispatch job whose inputs are the action's inputs, so
`inputs.*`, `steps.*`, expressions and (with shellcheck) every `run:` script are checked
as they are written. Usage: python3 .ci/action_as_workflow.py action.yml > lint.yml

A line reader, like the rest of .ci: action.yml keeps its sections at the usual two-space
indentation, and this fails loudly when it does not.
"""

import re
import sys


def main(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    section = None
    inputs = []
    steps = []
    for line in lines:
        top = re.match(r"^([a-z-]+):", line)
        if top:
            section = top.group(1)
            continue
        if section == "inputs":
            name = re.match(r"^  ([a-z][a-z0-9-]*):\s*$", line)
            if name:
                inputs.append(name.group(1))
        elif section == "runs":
            if re.match(r"^  steps:\s*$", line):
                section = "steps"
        elif section == "steps":
            steps.append(line)
    if not inputs or not any(l.startswith("    - ") for l in steps):
        sys.exit(f"{path}: no inputs or no runs.steps found")
    out = ["name: action.yml steps (checked as a workflow)", "on:", "  workflow_dispatch:", "    inputs:"]
    for name in inputs:
        out += [f"      {name}:", "        type: string", "        required: false"]
    out += ["jobs:", "  action:", "    runs-on: ubuntu-latest", "    steps:"]
    out += [("  " + l) if l.strip() else l for l in steps]
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
