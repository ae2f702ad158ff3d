using GreenCompute.Core.Units;

namespace GreenCompute.Core.Thermal;

/// <summary>
/// Learns a room's 1R1C model (UA, C) online from telemetry by recursive least squares with forgetting.
/// Samples are averaged over short windows (beating sensor noise down); each pair of neighbouring windows gives
/// one equation dT/dt = θ₁·P − θ₂·(T − T_out) with θ₁ = 1000/C (K/h per kW) and θ₂ = UA/C (1/h), taken at the
/// midpoint of the pair so that the noise of the two windows does not correlate with the regressor.
/// Gaps longer than <see cref="RoomModelEstimatorOptions.MaxGap"/> break the pairing instead of faking a slope;
/// late, duplicate or non-finite samples are rejected; once the fit has settled, residuals are clipped at 3σ so
/// an open window or a sensor spike cannot drag the estimate. Until enough pairs have been seen, or when the fit
/// is not physical, <see cref="Estimate"/> returns the prior. Not thread-safe: one per node grain.
/// </summary>
public sealed class RoomModelEstimator
{
    private const double ResidualSmoothing = 0.02;
    private const double OutlierSigmas = 3;

    private readonly RoomThermalModel _prior;
    private readonly RoomModelEstimatorOptions _options;
    private readonly double _p11Prior;
    private readonly double _p22Prior;

    private double _theta1;
    private double _theta2;
    private double _p11;
    private double _p12;
    private double _p22;
    private double _residualVariance;
    private int _updates;

    private bool _windowOpen;
    private DateTimeOffset _windowStart;
    private DateTimeOffset _lastTime = DateTimeOffset.MinValue;
    private int _count;
    private double _sumHours;
    private double _sumRoom;
    private double _sumOutdoor;
    private double _sumPower;

    private bool _hasPrevious;
    private WindowMean _previous;

    public RoomModelEstimator(RoomThermalModel prior, RoomModelEstimatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(prior);
        _prior = prior;
        _options = options ?? RoomModelEstimatorOptions.Default;
        if (_options.ForgettingFactor is <= 0.5 or > 1 || _options.Window <= TimeSpan.Zero || _options.MaxGap < _options.Window)
        {
            throw new ArgumentException("Estimator options need 0.5 < ForgettingFactor ≤ 1 and 0 < Window ≤ MaxGap.", nameof(options));
        }

        _theta1 = 1000 / prior.Capacity.Value;
        _theta2 = prior.HeatLoss.Value / prior.Capacity.Value;

        // A weak prior, worth about one window pair at 0.5 kW and 15 K indoor-outdoor difference.
        _p11Prior = 4;
        _p22Prior = 1.0 / 225;
        _p11 = _p11Prior;
        _p22 = _p22Prior;
    }

    /// <summary>Samples ignored because they were late, duplicated or not finite numbers.</summary>
    public int RejectedSamples { get; private set; }

    public RoomModelEstimate Estimate
    {
        get
        {
            if (_updates < _options.MinUpdates || _theta1 <= 0 || _theta2 <= 0)
            {
                return new RoomModelEstimate(_prior, _updates, 0, IsPrior: true);
            }

            var capacity = 1000 / _theta1;
            var heatLoss = _theta2 * capacity;
            var model = new RoomThermalModel(
                new WattsPerKelvin(Math.Clamp(heatLoss, _options.MinHeatLossWattsPerKelvin, _options.MaxHeatLossWattsPerKelvin)),
                new WattHoursPerKelvin(Math.Clamp(capacity, _options.MinCapacityWattHoursPerKelvin, _options.MaxCapacityWattHoursPerKelvin)));

            // Covariance of θ ≈ σ²·P; 20 % relative standard error on either parameter means no confidence.
            var relative1 = Math.Sqrt(_residualVariance * _p11) / _theta1;
            var relative2 = Math.Sqrt(_residualVariance * _p22) / _theta2;
            var confidence = Math.Clamp(1 - (Math.Max(relative1, relative2) / 0.2), 0, 1);
            var clamped = model.HeatLoss.Value != heatLoss || model.Capacity.Value != capacity;
            return new RoomModelEstimate(model, _updates, clamped ? Math.Min(confidence, 0.1) : confidence, IsPrior: false);
        }
    }

    public static RoomModelEstimator Restore(RoomThermalModel prior, RoomModelEstimatorState state, RoomModelEstimatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var estimator = new RoomModelEstimator(prior, options);
        if (double.IsFinite(state.Theta1) && double.IsFinite(state.Theta2) && state.P11 > 0 && state.P22 > 0
            && double.IsFinite(state.P12) && state.ResidualVariance >= 0 && state.Updates >= 0)
        {
            estimator._theta1 = state.Theta1;
            estimator._theta2 = state.Theta2;
            estimator._p11 = state.P11;
            estimator._p12 = state.P12;
            estimator._p22 = state.P22;
            estimator._residualVariance = state.ResidualVariance;
            estimator._updates = state.Updates;
        }

        return estimator;
    }

    public RoomModelEstimatorState Snapshot() => new(_theta1, _theta2, _p11, _p12, _p22, _residualVariance, _updates);

    public void Add(ThermalSample sample)
    {
        if (sample.Time <= _lastTime || !double.IsFinite(sample.Room.Value) || !double.IsFinite(sample.Outdoor.Value)
            || !double.IsFinite(sample.Power.Value) || sample.Power.Value < 0)
        {
            RejectedSamples++;
            return;
        }

        if (_windowOpen && (sample.Time - _windowStart >= _options.Window || sample.Time - _lastTime > _options.MaxGap))
        {
            CloseWindow();
        }

        if (!_windowOpen)
        {
            _windowOpen = true;
            _windowStart = sample.Time;
        }

        _lastTime = sample.Time;
        _count++;
        _sumHours += (sample.Time - _windowStart).TotalHours;
        _sumRoom += sample.Room.Value;
        _sumOutdoor += sample.Outdoor.Value;
        _sumPower += sample.Power.Value;
    }

    public void AddRange(IEnumerable<ThermalSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var sample in samples)
        {
            Add(sample);
        }
    }

    private void CloseWindow()
    {
        if (_count >= _options.MinSamplesPerWindow)
        {
            var current = new WindowMean(
                _windowStart.AddHours(_sumHours / _count),
                _sumRoom / _count,
                _sumOutdoor / _count,
                _sumPower / _count);
            if (_hasPrevious && current.Centre - _previous.Centre <= _options.MaxGap)
            {
                Update(_previous, current);
            }

            _previous = current;
            _hasPrevious = true;
        }
        else
        {
            // A window too thin to trust also breaks the chain of neighbours.
            _hasPrevious = false;
        }

        _windowOpen = false;
        _count = 0;
        _sumHours = _sumRoom = _sumOutdoor = _sumPower = 0;
    }

    private void Update(WindowMean before, WindowMean after)
    {
        var hours = (after.Centre - before.Centre).TotalHours;
        var y = (after.Room - before.Room) / hours;
        var x1 = (before.Power + after.Power) / 2 / 1000;
        var x2 = -(((before.Room + after.Room) / 2) - ((before.Outdoor + after.Outdoor) / 2));

        var error = y - (x1 * _theta1) - (x2 * _theta2);
        var settled = _updates >= _options.MinUpdates && _residualVariance > 0;
        var sigma = Math.Sqrt(_residualVariance);
        var used = settled ? Math.Clamp(error, -OutlierSigmas * sigma, OutlierSigmas * sigma) : error;
        _residualVariance = _updates == 0
            ? error * error
            : ((1 - ResidualSmoothing) * _residualVariance) + (ResidualSmoothing * used * used);

        var lambda = _options.ForgettingFactor;
        var px1 = (_p11 * x1) + (_p12 * x2);
        var px2 = (_p12 * x1) + (_p22 * x2);
        var denominator = lambda + (x1 * px1) + (x2 * px2);
        var k1 = px1 / denominator;
        var k2 = px2 / denominator;
        _theta1 += k1 * used;
        _theta2 += k2 * used;

        var p11 = _p11 - (k1 * px1);
        var p12 = _p12 - (k1 * px2);
        var p22 = _p22 - (k2 * px2);

        // Forget only while the covariance stays below the prior's: without fresh excitation (a heater that never
        // changes power) forgetting would blow the covariance up and let noise swing the estimate.
        if ((p11 / _p11Prior) + (p22 / _p22Prior) < 2 * lambda)
        {
            p11 /= lambda;
            p12 /= lambda;
            p22 /= lambda;
        }

        _p11 = p11;
        _p12 = p12;
        _p22 = p22;
        _updates++;
    }

    private readonly record struct WindowMean(DateTimeOffset Centre, double Room, double Outdoor, double Power);
}
