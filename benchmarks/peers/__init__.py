"""Independent implementations of docs/simulation.md, to check the engine against and to measure it by."""
