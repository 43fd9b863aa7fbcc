"""The test suite; a package, so its modules share helpers (tests/helpers/) without importing one another."""
