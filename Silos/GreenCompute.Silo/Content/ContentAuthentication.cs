using System.Net.Http.Headers;
using System.Text;
using GreenCompute.Mqtt.Broker;
using GreenCompute.Mqtt.Protocol;
using Microsoft.AspNetCore.Http;

namespace GreenCompute.Silo.Content;

/// <summary>
/// Who may use the content store: a device signs in with HTTP Basic, user name = its node id and password = the secret
/// it uses for MQTT, checked by the very authenticator the broker uses (<see cref="Mqtt.FleetCredentials"/> in the silo
/// run), so one credential source serves both. Basic sends the password in the clear: fine on loopback, TLS in production.
/// </summary>
public sealed class ContentAuthentication(IMqttBrokerAuthenticator credentials)
{
    /// <summary>The realm named in the 401 answer's WWW-Authenticate header.</summary>
    public const string Realm = "greencompute-content";

    /// <summary>Null when the request carries a known user's right password, else the 401 to answer with.</summary>
    public async Task<IResult?> CheckAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Parse(request.Headers.Authorization.ToString()) is not var (user, password))
        {
            return Refuse(request, "credentials required: HTTP Basic with the node id and its MQTT password");
        }

        var result = await credentials.AuthenticateAsync("content-store", user, password, cancellationToken).ConfigureAwait(false);
        return result == MqttReasonCode.Success ? null : Refuse(request, "unknown user or wrong password");
    }

    /// <summary>The user name and password of a Basic header, or null when there is none or it is malformed.</summary>
    internal static (string User, ReadOnlyMemory<byte> Password)? Parse(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return null;
        }

        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(value.Parameter);
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = Array.IndexOf(decoded, (byte)':');
        return colon <= 0 ? null : (Encoding.UTF8.GetString(decoded, 0, colon), decoded.AsMemory(colon + 1));
    }

    private static IResult Refuse(HttpRequest request, string detail)
    {
        request.HttpContext.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        return Results.Problem(detail, statusCode: StatusCodes.Status401Unauthorized);
    }
}
