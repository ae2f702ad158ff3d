namespace GreenCompute.Core.Thermal;

/// <summary>
/// The estimator's current room model. <see cref="Confidence"/> is 0..1 (0 = nothing learnt yet, 1 = both
/// parameters known to a few per cent); <see cref="IsPrior"/> is true while the estimator still falls back to its prior.
/// </summary>
public sealed record RoomModelEstimate(RoomThermalModel Model, int Updates, double Confidence, bool IsPrior);
