"""EcoTrack: carbon monitoring and environmental tracking."""
