"""Benchmarks of the simulation engine: `python -m benchmarks` (`make benchmarks`)."""
