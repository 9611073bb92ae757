// Test classes run in parallel (one collection per class); each has its own database.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, MaxParallelThreads = 4)]
