using System.Collections.Immutable;
using System.Globalization;
using GreenCompute.Core.Comfort;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Planning;

/// <summary>Turns a solved plan (power and temperature per slot) into slots with reasons and an infeasibility message.</summary>
internal readonly ref struct PlanContext
{
    private const double PowerTolerance = 0.01;       // W
    private const double ShortfallTolerance = 1e-4;   // K
    private const double StoredHeatTolerance = 0.01;  // K above the attainable floor counts as stored heat
    private const double BandRiseTolerance = 0.05;    // K

    private readonly PlanningHorizon _horizon;
    private readonly double _limit;
    private readonly bool _capped;
    private readonly ReadOnlySpan<ComfortBand> _bands;
    private readonly ReadOnlySpan<Celsius> _outdoor;
    private readonly ReadOnlySpan<EurPerMwh> _prices;
    private readonly ReadOnlySpan<double> _wanted;
    private readonly ReadOnlySpan<double> _ceiling;
    private readonly ReadOnlySpan<double> _attainable;
    private readonly ReadOnlySpan<double> _power;
    private readonly ReadOnlySpan<double> _temperature;

    public PlanContext(
        PlanningHorizon horizon,
        double limit,
        bool capped,
        ReadOnlySpan<ComfortBand> bands,
        ReadOnlySpan<Celsius> outdoor,
        ReadOnlySpan<EurPerMwh> prices,
        ReadOnlySpan<double> wanted,
        ReadOnlySpan<double> ceiling,
        ReadOnlySpan<double> attainable,
        ReadOnlySpan<double> power,
        ReadOnlySpan<double> temperature)
    {
        _horizon = horizon;
        _limit = limit;
        _capped = capped;
        _bands = bands;
        _outdoor = outdoor;
        _prices = prices;
        _wanted = wanted;
        _ceiling = ceiling;
        _attainable = attainable;
        _power = power;
        _temperature = temperature;
    }

    public ImmutableArray<PlannedSlot> Label()
    {
        var count = _power.Length;
        Span<bool> flatOut = count <= 256 ? stackalloc bool[count] : new bool[count];
        for (var j = 1; j <= count; j++)
        {
            if (_wanted[j] - _attainable[j] <= ShortfallTolerance)
            {
                continue;
            }

            // The slots at full power leading up to a short boundary are the heater doing all it can.
            for (var i = j - 1; i >= 0 && !flatOut[i] && _power[i] >= _limit - PowerTolerance; i--)
            {
                flatOut[i] = true;
            }
        }

        var slots = ImmutableArray.CreateBuilder<PlannedSlot>(count);
        var cheapestHeated = double.PositiveInfinity;
        var storeKey = -1;
        Reason? storeReason = null;
        for (var k = 0; k < count; k++)
        {
            Reason reason;
            if (_power[k] <= PowerTolerance)
            {
                reason = CoastReason(k, cheapestHeated);
            }
            else
            {
                cheapestHeated = Math.Min(cheapestHeated, _prices[k].Value);
                if (flatOut[k])
                {
                    reason = _capped ? PlanReasons.CapAtMaximum : PlanReasons.HeaterAtMaximum;
                }
                else if (_temperature[k] < _bands[k].Min.Value - ShortfallTolerance)
                {
                    reason = PlanReasons.BelowBand;
                }
                else if (_capped && _power[k] >= _limit - PowerTolerance)
                {
                    reason = PlanReasons.PowerCapped;
                }
                else if (_temperature[k + 1] > _attainable[k + 1] + StoredHeatTolerance)
                {
                    reason = StoreReason(k, ref storeKey, ref storeReason);
                }
                else
                {
                    reason = PlanReasons.HoldingMinimum;
                }
            }

            slots.Add(new PlannedSlot(new Watts(_power[k]), new Celsius(_temperature[k + 1]), _prices[k], reason));
        }

        return slots.MoveToImmutable();
    }

    /// <summary>Null when every boundary meets its band minimum; otherwise where, when and by how much it does not.</summary>
    public string? Describe()
    {
        int first = -1, last = -1, worst = -1;
        var worstGap = 0.0;
        for (var j = 1; j < _wanted.Length; j++)
        {
            var gap = _wanted[j] - _attainable[j];
            if (gap <= ShortfallTolerance)
            {
                continue;
            }

            first = first < 0 ? j : first;
            last = j;
            if (gap > worstGap)
            {
                worstGap = gap;
                worst = j;
            }
        }

        if (first < 0)
        {
            return null;
        }

        var heater = _capped ? $"at its power cap ({_limit:0} W)" : $"at full power ({_limit:0} W)";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Comfort band cannot be held from {Clock(first)} to {Clock(last)} even with the heater {heater}: "
            + $"the room falls short by up to {worstGap:0.0} K at {Clock(worst)} "
            + $"(target {_wanted[worst]:0.0} °C with margin, reaches {_attainable[worst]:0.0} °C with {_outdoor[worst - 1].Value:0.0} °C outside).");
    }

    private Reason CoastReason(int k, double cheapestHeated)
    {
        if (_temperature[k + 1] > _ceiling[k + 1] + ShortfallTolerance)
        {
            return PlanReasons.AboveBand;
        }

        if (_outdoor[k].Value >= _wanted[k + 1])
        {
            return PlanReasons.NoHeatNeeded;
        }

        return _prices[k].Value > cheapestHeated ? PlanReasons.PriceAbovePlan : PlanReasons.Coasting;
    }

    /// <summary>
    /// Heat beyond today's need is stored for something later: a dearer coasting period or a warmer band.
    /// Neighbouring slots share one reason object (keyed by the coast slot, or by count + the band's boundary).
    /// </summary>
    private Reason StoreReason(int k, ref int cachedKey, ref Reason? cached)
    {
        if (_prices[k].Value < 0)
        {
            return PlanReasons.LowPrice;
        }

        var count = _power.Length;
        var coast = k + 1;
        while (coast < count && _power[coast] > PowerTolerance)
        {
            coast++;
        }

        if (coast < count && _prices[coast].Value > _prices[k].Value)
        {
            if (coast != cachedKey || cached is null)
            {
                cachedKey = coast;
                cached = new Reason(ReasonCode.PreheatingBeforePeak, $"preheating before {Clock(coast, withDay: false)} peak");
            }

            return cached;
        }

        for (var j = k + 2; j <= count; j++)
        {
            if (_wanted[j] > _wanted[k + 1] + BandRiseTolerance)
            {
                if (count + j != cachedKey || cached is null)
                {
                    cachedKey = count + j;
                    cached = new Reason(ReasonCode.PreheatingBeforePeak, $"preheating for the {Clock(j, withDay: false)} comfort band");
                }

                return cached;
            }
        }

        return PlanReasons.LowPrice;
    }

    private string Clock(int boundary, bool withDay = true) =>
        _horizon.SlotStart(boundary).ToString(withDay ? "ddd HH:mm" : "HH:mm", CultureInfo.InvariantCulture);
}
