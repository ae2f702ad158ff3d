namespace GreenCompute.Actors;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReasonCode
{
    /// <summary>The grain called <c>DeactivateOnIdle()</c>.</summary>
    ApplicationRequested,

    /// <summary>The activation was not called for <see cref="GrainHostOptions.CollectionAge"/>.</summary>
    IdleCollection,

    /// <summary>The host is stopping (<see cref="GrainHost.StopAsync"/>).</summary>
    ShuttingDown,
}
