namespace GreenCompute.Actors;

/// <summary>Why an activation is being deactivated, passed to <see cref="Grain.OnDeactivateAsync"/>.</summary>
public sealed record DeactivationReason(DeactivationReasonCode Code, string Description)
{
    internal static DeactivationReason ApplicationRequested { get; } =
        new(DeactivationReasonCode.ApplicationRequested, "The grain called DeactivateOnIdle().");

    internal static DeactivationReason IdleCollection { get; } =
        new(DeactivationReasonCode.IdleCollection, "The activation was idle for longer than the collection age.");

    internal static DeactivationReason ShuttingDown { get; } =
        new(DeactivationReasonCode.ShuttingDown, "The grain host is stopping.");
}
