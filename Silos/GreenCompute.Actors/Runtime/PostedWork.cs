namespace GreenCompute.Actors.Runtime;

/// <summary>A continuation posted to an activation's synchronisation context.</summary>
internal readonly record struct PostedWork(SendOrPostCallback Callback, object? State);
