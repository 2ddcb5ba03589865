"""Build benchmarks over the synthetic corpus in ../shared/bench/ (run with `./dev bench`)."""
