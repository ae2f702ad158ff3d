namespace GreenCompute.Actors.Runtime;

/// <summary>Whether the catalog creates activations: only while the host runs.</summary>
internal enum CatalogMode
{
    NotStarted,
    Running,
    Stopping,
    Stopped,
}
