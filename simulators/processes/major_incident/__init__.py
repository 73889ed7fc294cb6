"""Major incident management: the major incident lifecycle, its tasks and communications."""
