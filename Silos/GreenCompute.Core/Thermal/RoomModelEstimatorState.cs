namespace GreenCompute.Core.Thermal;

/// <summary>
/// What a node grain persists of its <see cref="RoomModelEstimator"/>: the least-squares state in the fitted
/// units (θ₁ = 1000/C in K/h per kW, θ₂ = UA/C in 1/h, covariance P, residual variance in (K/h)²).
/// The half-filled averaging window is not kept: a restart loses at most one window of samples.
/// </summary>
public sealed record RoomModelEstimatorState(
    double Theta1,
    double Theta2,
    double P11,
    double P12,
    double P22,
    double ResidualVariance,
    int Updates);
