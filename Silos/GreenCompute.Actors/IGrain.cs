namespace GreenCompute.Actors;

/// <summary>
/// Marker for grain interfaces. Every method of a grain interface returns <see cref="Task"/> or
/// <see cref="Task{TResult}"/>; arguments and results are passed by reference, not copied (Orleans
/// deep-copies them, this single-process host does not), so pass immutable records.
/// </summary>
public interface IGrain
{
}
