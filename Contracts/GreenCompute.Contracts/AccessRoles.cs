using GreenCompute.Ethereum.Hashing;

namespace GreenCompute.Contracts;

/// <summary>OpenZeppelin AccessControl role ids used by the GreenCompute contracts: keccak256 of the role's name.</summary>
public static class AccessRoles
{
    /// <summary>DEFAULT_ADMIN_ROLE = 0x00…00: grants and revokes every other role.</summary>
    public static byte[] DefaultAdmin => new byte[32];

    /// <summary>ContributionLedger: may commit epochs.</summary>
    public static byte[] Recorder => Keccak256.HashUtf8("RECORDER_ROLE");

    /// <summary>DeviceRegistry: may pair, unpair and change payout addresses.</summary>
    public static byte[] Registrar => Keccak256.HashUtf8("REGISTRAR_ROLE");

    /// <summary>GreenCredit: may mint.</summary>
    public static byte[] Minter => Keccak256.HashUtf8("MINTER_ROLE");
}
