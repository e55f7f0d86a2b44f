"""lawcheck: check NGO activity plans and statements against Cambodian law, offline.

The public entry point is :mod:`lawcheck.api`; the command line (:mod:`lawcheck.cli`) is a thin
layer over it. Importing this package is cheap: heavy libraries load only when a stage needs them.
"""

__version__ = "0.1.0"
