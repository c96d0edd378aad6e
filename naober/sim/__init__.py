"""The simulation core: a customer team under an incentive scheme (docs/simulation.md).

Pure Python + NumPy + numba: nothing here imports Django or another naober package, reads files or prints.
"""

from naober.sim.engine import run
from naober.sim.params import ParameterError, Params, Scheme, Team
from naober.sim.queue import queue_run
from naober.sim.results import Estimate, Result

__all__ = ["Estimate", "ParameterError", "Params", "Result", "Scheme", "Team", "queue_run", "run"]
