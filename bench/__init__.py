"""EcoTrack benchmarks: throughput and latency as ratios to a baseline measured in the same run."""
