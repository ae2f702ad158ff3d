using System.Globalization;
using GreenCompute.Core.Units;
using GreenCompute.Grains.Nodes;

namespace GreenCompute.Web;

/// <summary>How the pages write numbers, times and states (invariant culture, units always shown).</summary>
internal static class Format
{
    public static string Temperature(Celsius? t) => t is { } v ? v.Value.ToString("0.0", CultureInfo.InvariantCulture) + " °C" : "–";

    public static string Watts(Watts w) => w.Value.ToString("0", CultureInfo.InvariantCulture) + " W";

    public static string KilowattHours(WattHours e) => (e.Value / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " kWh";

    public static string Euros(Eur e) => e.Value.ToString("0.00", CultureInfo.InvariantCulture) + " €";

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Time(DateTimeOffset? t) => t is { } v ? Time(v) : "–";

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Mode(HeaterMode mode) => mode switch
    {
        HeaterMode.Computing => "computing",
        HeaterMode.HeatOnly => "heat only",
        HeaterMode.Idle => "idle",
        _ => "offline",
    };
}
