"""From a file on disk to a Letter: readers per format (in a worker process), cleaning,
metadata, the treaty finder and references."""
