using GreenCompute.Core.Units;

namespace GreenCompute.Simulation.Data;

/// <summary>
/// Hourly outdoor air temperature and global horizontal irradiance, read at any instant by linear interpolation
/// between the hourly readings. A typical-year series is cyclic: any instant reads the same date and hour of the
/// mapped year.
/// </summary>
public sealed class WeatherSeries
{
    public const string NsrdbFileName = "weather-nsrdb-2017-colorado-hourly.csv";
    public const string PvgisFileName = "weather-pvgis-tmy-45n8e-hourly.csv";

    /// <summary>NSRDB timestamps are local standard time at the Colorado site, UTC−7 all year.</summary>
    public static readonly TimeSpan NsrdbOffset = TimeSpan.FromHours(-7);

    private const string NsrdbHeader = "timestamp_utc_minus7,temp_air_c,ghi_w_m2,wind_speed_m_s";
    private const string PvgisHeader = "timestamp_utc_source_year,temp_air_c,ghi_w_m2,wind_speed_10m_m_s";

    private readonly DateTimeOffset _firstHour;
    private readonly double[] _temperature;
    private readonly double[] _ghi;

    internal WeatherSeries(
        string source, DateTimeOffset firstHour, double[] temperature, double[] ghi, bool isCyclic, TimeSpan clockShift)
    {
        if (temperature.Length == 0 || temperature.Length != ghi.Length)
        {
            throw new ArgumentException("Temperature and irradiance need the same, non-zero number of hours.");
        }

        Source = source;
        _firstHour = firstHour;
        _temperature = temperature;
        _ghi = ghi;
        IsCyclic = isCyclic;
        ClockShift = clockShift;
    }

    /// <summary>Where the readings came from (a file path or "synthetic").</summary>
    public string Source { get; }

    /// <summary>True for a typical year: instants outside <see cref="Coverage"/> wrap around the year.</summary>
    public bool IsCyclic { get; }

    /// <summary>
    /// How far the readings are moved in time: the value at instant t is the source reading at t − shift.
    /// Used to put a distant site's local clock onto the market's clock (see <see cref="Scenario"/>).
    /// </summary>
    public TimeSpan ClockShift { get; }

    /// <summary>Number of hourly readings.</summary>
    public int Hours => _temperature.Length;

    /// <summary>The instants with a reading, after the clock shift; the last hour's value holds to its end.</summary>
    public TimeRange Coverage => new(_firstHour + ClockShift, _firstHour + ClockShift + TimeSpan.FromHours(Hours));

    public Celsius MinTemperature => new(_temperature.Min());

    public Celsius MaxTemperature => new(_temperature.Max());

    /// <summary>Reads the NSRDB 2017 file (local standard time UTC−7) into UTC instants.</summary>
    public static WeatherSeries LoadNsrdb(string path)
    {
        var temperature = new List<double>(8760);
        var ghi = new List<double>(8760);
        DateTime? first = null;
        DateTime previous = default;
        foreach (var (line, text) in DataText.ReadLines(path))
        {
            if (line == 1)
            {
                DataText.ExpectHeader(path, line, text, NsrdbHeader);
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var (local, t, g) = ParseRow(path, line, text);
            if (first is not null && local != previous.AddHours(1))
            {
                throw new DataFileException(
                    $"expected the hour {previous.AddHours(1):yyyy-MM-ddTHH:mm:ss} but found {local:yyyy-MM-ddTHH:mm:ss} " +
                    "(gap, duplicate or unsorted rows)",
                    path,
                    line);
            }

            first ??= local;
            previous = local;
            temperature.Add(t);
            ghi.Add(g);
        }

        if (first is null)
        {
            throw new DataFileException("no weather rows", path);
        }

        var firstUtc = new DateTimeOffset(first.Value, NsrdbOffset).ToUniversalTime();
        return new WeatherSeries(path, firstUtc, [.. temperature], [.. ghi], isCyclic: false, TimeSpan.Zero);
    }

    /// <summary>
    /// Reads the PVGIS typical meteorological year (UTC; each month's year label is its source year) onto
    /// <paramref name="year"/>: every row keeps its month, day and hour. In a leap target year, 29 February
    /// repeats 28 February. The result is cyclic.
    /// </summary>
    public static WeatherSeries LoadPvgisTmy(string path, int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2200);
        var start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var hours = (DateTime.IsLeapYear(year) ? 366 : 365) * 24;
        var temperature = new double[hours];
        var ghi = new double[hours];
        var filled = new bool[hours];
        foreach (var (line, text) in DataText.ReadLines(path))
        {
            if (line == 1)
            {
                DataText.ExpectHeader(path, line, text, PvgisHeader);
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var (stamp, t, g) = ParseRow(path, line, text);
            if (stamp.Month == 2 && stamp.Day == 29 && !DateTime.IsLeapYear(year))
            {
                continue;
            }

            var index = (int)(new DateTime(year, stamp.Month, stamp.Day, stamp.Hour, 0, 0, DateTimeKind.Unspecified) - start).TotalHours;
            if (filled[index])
            {
                throw new DataFileException($"a second reading for {stamp:MM-dd HH:mm} of the typical year", path, line);
            }

            filled[index] = true;
            temperature[index] = t;
            ghi[index] = g;
        }

        if (DateTime.IsLeapYear(year))
        {
            var feb29 = (int)(new DateTime(year, 2, 29, 0, 0, 0, DateTimeKind.Unspecified) - start).TotalHours;
            for (var h = 0; h < 24; h++)
            {
                if (!filled[feb29 + h])
                {
                    temperature[feb29 + h] = temperature[feb29 - 24 + h];
                    ghi[feb29 + h] = ghi[feb29 - 24 + h];
                    filled[feb29 + h] = true;
                }
            }
        }

        var missing = Array.IndexOf(filled, false);
        if (missing >= 0)
        {
            throw new DataFileException($"the typical year has no reading for {start.AddHours(missing):MM-dd HH:mm}", path);
        }

        var firstUtc = new DateTimeOffset(start, TimeSpan.Zero);
        return new WeatherSeries(path, firstUtc, temperature, ghi, isCyclic: true, TimeSpan.Zero);
    }

    /// <summary>The same readings moved by <paramref name="shift"/> (see <see cref="ClockShift"/>).</summary>
    public WeatherSeries WithClockShift(TimeSpan shift) =>
        new(Source, _firstHour, _temperature, _ghi, IsCyclic, shift);

    /// <summary>Outdoor air temperature at <paramref name="instant"/>, linear between hourly readings.</summary>
    public Celsius OutdoorAt(DateTimeOffset instant) => new(Interpolate(_temperature, instant));

    /// <summary>Global horizontal irradiance in W/m² at <paramref name="instant"/>, linear between hourly readings.</summary>
    public double GhiAt(DateTimeOffset instant) => Interpolate(_ghi, instant);

    private double Interpolate(double[] values, DateTimeOffset instant)
    {
        var position = (instant - ClockShift - _firstHour).TotalHours;
        var n = values.Length;
        if (IsCyclic)
        {
            position %= n;
            if (position < 0)
            {
                position += n;
            }

            var i = (int)Math.Floor(position);
            var f = position - i;
            return (values[i % n] * (1 - f)) + (values[(i + 1) % n] * f);
        }

        if (position < 0 || position >= n)
        {
            throw new ArgumentOutOfRangeException(
                nameof(instant), $"{instant:O} is outside the weather readings ({Coverage}) from {Source}.");
        }

        var index = (int)Math.Floor(position);
        if (index >= n - 1)
        {
            return values[n - 1];
        }

        var fraction = position - index;
        return (values[index] * (1 - fraction)) + (values[index + 1] * fraction);
    }

    private static (DateTime Stamp, double Temperature, double Ghi) ParseRow(string path, int line, string text)
    {
        var fields = DataText.SplitCsv(path, line, text, 4);
        var stamp = DataText.ParseNaive(path, line, fields[0].Trim(), "timestamp");
        if (stamp.Minute != 0 || stamp.Second != 0)
        {
            throw new DataFileException($"timestamp '{fields[0]}' is not on the hour", path, line);
        }

        var temperature = DataText.ParseDouble(path, line, fields[1].Trim(), "temperature");
        if (temperature is < -90 or > 60)
        {
            throw new DataFileException($"temperature {temperature} °C is outside −90…60 °C", path, line);
        }

        var ghi = DataText.ParseDouble(path, line, fields[2].Trim(), "GHI");
        if (ghi is < 0 or > 1500)
        {
            throw new DataFileException($"GHI {ghi} W/m² is outside 0…1500 W/m²", path, line);
        }

        return (stamp, temperature, ghi);
    }
}
