"""Rule documentation generated from the rules' own metadata: `python -m checker.docs > docs/rules.md`."""
from __future__ import annotations

import json
import sys

from checker.registry import Registry, default_registry


def rules_markdown(registry: Registry) -> str:
    out = ["# Rules", "", "Generated from the rules' metadata by `python -m checker.docs > docs/rules.md`;",
           "a test fails when this page is stale.", ""]
    for rule in registry:
        out += [f"## {rule.code} `{rule.name}`", ""]
        out += [line.strip() for line in rule.description.strip().splitlines()]
        out += ["", f"- claim kinds: {', '.join(rule.kinds)}", f"- languages: {', '.join(rule.languages)}",
                f"- version: {rule.version}"]
        options = rule.Options.model_json_schema().get("properties", {})
        if options:
            out.append("- options:")
            for name, spec in options.items():
                out.append(f"  - `{name}` ({spec.get('type', 'any')}, default {json.dumps(spec.get('default'))})")
        out.append("")
    return "\n".join(out)


def builtin_registry() -> Registry:
    """Only the rules this distribution ships, whatever else is installed."""
    registry = Registry()
    for rule in default_registry():
        if rule.__module__.startswith("checker.rules."):
            registry.register(rule)
    return registry


if __name__ == "__main__":
    sys.stdout.write(rules_markdown(builtin_registry()))
