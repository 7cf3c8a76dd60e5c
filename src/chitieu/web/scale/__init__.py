"""National scale: bulk load of the synthetic dataset, the per-target evaluation summary that
roll-ups read, and the read-replica router. See docs/scale.md and docs/deployment.md."""
