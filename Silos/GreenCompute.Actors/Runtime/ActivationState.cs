namespace GreenCompute.Actors.Runtime;

/// <summary>Life of an activation: Created → Activating → Valid → Deactivating → Invalid (or Activating → Invalid on failure).</summary>
internal enum ActivationState
{
    Created,
    Activating,
    Valid,
    Deactivating,
    Invalid,
}
