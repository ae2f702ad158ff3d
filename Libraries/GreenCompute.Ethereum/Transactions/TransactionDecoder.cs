using System.Numerics;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Rlp;

namespace GreenCompute.Ethereum.Transactions;

/// <summary>Raw transaction bytes → <see cref="SignedTransaction"/>, rejecting anything non-canonical.</summary>
internal static class TransactionDecoder
{
    public static SignedTransaction Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            throw new RlpException(RlpError.EmptyInput, "Transaction bytes are empty.");
        }

        // EIP-2718: a first byte above 0x7f starts RLP, so a legacy transaction, which must be a list.
        var first = encoded[0];
        if (first >= 0xC0)
        {
            return DecodeLegacy(RlpDecoder.Decode(encoded), encoded);
        }

        if (first >= 0x80)
        {
            // Judged on the header alone (as geth does): a complete string header is "not a list", whatever follows.
            if (first > 0xB7 && encoded.Length < 1 + first - 0xB7)
            {
                throw new RlpException(RlpError.UnexpectedEnd, "Transaction bytes end inside an RLP length.");
            }

            throw new RlpException(RlpError.ExpectedList, "A transaction is an RLP list or a typed envelope, not an RLP string.");
        }

        var body = first is (byte)TransactionType.AccessList or (byte)TransactionType.DynamicFee
            ? RlpDecoder.Decode(encoded[1..])
            : throw new TransactionException(TransactionError.UnsupportedType, $"Transaction type 0x{first:x2} is not supported.");
        return first == (byte)TransactionType.AccessList ? DecodeAccessList(body, encoded) : DecodeDynamicFee(body, encoded);
    }

    private static SignedTransaction DecodeLegacy(RlpItem list, ReadOnlySpan<byte> encoded)
    {
        var f = Fields(list, 9, "legacy");
        var v = ReadInteger(f[6], "v", int.MaxValue, TransactionError.InvalidSignature);
        // v = chainId·2 + 35/36 (EIP-155) or 27/28; anything else keeps no chain id and fails recovery/validation.
        BigInteger? chainId = v >= 35 ? (v - 35) / 2 : null;
        var transaction = new LegacyTransaction
        {
            Nonce = ReadUInt64(f[0], "nonce", TransactionError.NonceOverflow),
            GasPrice = ReadInteger(f[1], "gasPrice", 32, TransactionError.GasPriceOverflow),
            GasLimit = ReadUInt64(f[2], "gasLimit", TransactionError.GasLimitOverflow),
            To = ReadTo(f[3]),
            Value = ReadInteger(f[4], "value", 32, TransactionError.ValueOverflow),
            Data = ReadBytes(f[5], "data"),
            ChainId = chainId,
        };
        return Signed(transaction, v, f[7], f[8], encoded);
    }

    private static SignedTransaction DecodeAccessList(RlpItem list, ReadOnlySpan<byte> encoded)
    {
        var f = Fields(list, 11, "EIP-2930");
        var transaction = new AccessListTransaction
        {
            ChainId = ReadInteger(f[0], "chainId", 32, TransactionError.InvalidChainId),
            Nonce = ReadUInt64(f[1], "nonce", TransactionError.NonceOverflow),
            GasPrice = ReadInteger(f[2], "gasPrice", 32, TransactionError.GasPriceOverflow),
            GasLimit = ReadUInt64(f[3], "gasLimit", TransactionError.GasLimitOverflow),
            To = ReadTo(f[4]),
            Value = ReadInteger(f[5], "value", 32, TransactionError.ValueOverflow),
            Data = ReadBytes(f[6], "data"),
            AccessList = ReadAccessList(f[7]),
        };
        return Signed(transaction, ReadInteger(f[8], "yParity", 32, TransactionError.InvalidSignature), f[9], f[10], encoded);
    }

    private static SignedTransaction DecodeDynamicFee(RlpItem list, ReadOnlySpan<byte> encoded)
    {
        var f = Fields(list, 12, "EIP-1559");
        var transaction = new DynamicFeeTransaction
        {
            ChainId = ReadInteger(f[0], "chainId", 32, TransactionError.InvalidChainId),
            Nonce = ReadUInt64(f[1], "nonce", TransactionError.NonceOverflow),
            MaxPriorityFeePerGas = ReadInteger(f[2], "maxPriorityFeePerGas", 32, TransactionError.GasPriceOverflow),
            MaxFeePerGas = ReadInteger(f[3], "maxFeePerGas", 32, TransactionError.GasPriceOverflow),
            GasLimit = ReadUInt64(f[4], "gasLimit", TransactionError.GasLimitOverflow),
            To = ReadTo(f[5]),
            Value = ReadInteger(f[6], "value", 32, TransactionError.ValueOverflow),
            Data = ReadBytes(f[7], "data"),
            AccessList = ReadAccessList(f[8]),
        };
        return Signed(transaction, ReadInteger(f[9], "yParity", 32, TransactionError.InvalidSignature), f[10], f[11], encoded);
    }

    private static SignedTransaction Signed(Transaction transaction, BigInteger v, RlpItem r, RlpItem s, ReadOnlySpan<byte> encoded) =>
        new(
            transaction,
            v,
            ReadInteger(r, "r", 32, TransactionError.InvalidSignature),
            ReadInteger(s, "s", 32, TransactionError.InvalidSignature),
            encoded.ToArray());

    private static IReadOnlyList<RlpItem> Fields(RlpItem list, int count, string kind)
    {
        if (!list.IsList)
        {
            throw new RlpException(RlpError.ExpectedList, $"A {kind} transaction is an RLP list.");
        }

        return list.Items.Count == count
            ? list.Items
            : throw new RlpException(RlpError.WrongElementCount, $"A {kind} transaction has {count} fields, got {list.Items.Count}.");
    }

    /// <summary>A 64-bit field: size is checked before canonical form (a 9-byte gas limit overflows even with leading zeros).</summary>
    private static ulong ReadUInt64(RlpItem item, string field, TransactionError overflow)
    {
        var bytes = ReadBytes(item, field);
        CheckSize(bytes, field, 8, overflow);
        CheckCanonical(bytes, field);
        return (ulong)UnsignedBigEndian.ToBigInteger(bytes);
    }

    /// <summary>A big-integer field: canonical form is checked before size (the order ethereum/tests' labels follow).</summary>
    private static BigInteger ReadInteger(RlpItem item, string field, int maxBytes, TransactionError overflow)
    {
        var bytes = ReadBytes(item, field);
        CheckCanonical(bytes, field);
        CheckSize(bytes, field, maxBytes, overflow);
        return UnsignedBigEndian.ToBigInteger(bytes);
    }

    private static void CheckSize(byte[] bytes, string field, int maxBytes, TransactionError overflow)
    {
        if (bytes.Length > maxBytes)
        {
            throw new TransactionException(overflow, $"Transaction field {field} is {bytes.Length} bytes, at most {maxBytes} allowed.");
        }
    }

    private static void CheckCanonical(byte[] bytes, string field)
    {
        if (bytes.Length > 0 && bytes[0] == 0)
        {
            throw new RlpException(RlpError.NonCanonicalInteger, $"Transaction field {field} has a leading zero byte.");
        }
    }

    private static byte[] ReadBytes(RlpItem item, string field) =>
        item.IsList ? throw new RlpException(RlpError.ExpectedString, $"Transaction field {field} is a list, not a byte string.") : item.Bytes.ToArray();

    private static Address? ReadTo(RlpItem item)
    {
        var bytes = ReadBytes(item, "to");
        return bytes.Length switch
        {
            0 => null,
            Address.Size => Address.FromBytes(bytes),
            _ => throw new TransactionException(TransactionError.InvalidAddress, $"Transaction field to is {bytes.Length} bytes, not 0 or 20."),
        };
    }

    private static AccessListEntry[] ReadAccessList(RlpItem item)
    {
        if (!item.IsList)
        {
            throw new RlpException(RlpError.ExpectedList, "The access list is a byte string, not a list.");
        }

        return [.. item.Items.Select(entry =>
        {
            var pair = Fields(entry, 2, "access list entry");
            var address = ReadBytes(pair[0], "access list address");
            if (address.Length != Address.Size)
            {
                throw new TransactionException(TransactionError.InvalidAddress, $"Access list address is {address.Length} bytes, not 20.");
            }

            if (!pair[1].IsList)
            {
                throw new RlpException(RlpError.ExpectedList, "Access list storage keys are a byte string, not a list.");
            }

            var keys = pair[1].Items.Select(k =>
            {
                var key = ReadBytes(k, "storage key");
                return key.Length == 32 ? key : throw new TransactionException(TransactionError.InvalidStorageKey, $"Storage key is {key.Length} bytes, not 32.");
            });
            return new AccessListEntry(Address.FromBytes(address), [.. keys]);
        })];
    }
}
