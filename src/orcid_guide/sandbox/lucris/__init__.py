"""Mock LUCRIS: Leiden's Converis (Clarivate) as the guide's LUCRIS steps need it."""

from orcid_guide.sandbox.lucris.fixtures import DEMO_ACCOUNTS, DemoAccount

__all__ = ["DEMO_ACCOUNTS", "DemoAccount"]
