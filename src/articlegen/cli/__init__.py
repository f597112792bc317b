"""The `articlegen` command line: one module per command, imported only when that command runs.

Importing every command (bulk's process pool, serve's HTTP server, the grammar checker)
cost every invocation about 0.15 s, a tenth of `lint`'s budget, so the group loads a
command's module on demand.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

# Command name -> "module:attribute" under articlegen.cli.
COMMANDS = {
    "bulk": "bulk:bulk",
    "check": "check:check",
    "coverage": "coverage:coverage",
    "diff": "diff:diff",
    "generate": "generate:generate",
    "import-cps": "cps:import_cps_command",
    "import-oews": "oews:import_oews_command",
    "import-onet": "onet:import_onet_command",
    "import-projections": "projections:import_projections_command",
    "info": "info:info",
    "lint": "lint:lint",
    "list": "catalog:list_occupations",
    "overview": "overview:overview",
    "prose": "prose:prose",
    "schema": "catalog:schema",
    "serve": "serve:serve",
    "variants": "variants:variants",
    "variety": "variety:variety",
    "verify": "verify:verify",
}


class LazyGroup(click.Group):
    """click's documented pattern for lazily loaded subcommands."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attribute = target.split(":")
        command: Any = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="articlegen")
def main() -> None:
    """Write "X vs Y" career comparison articles from occupation facts."""
