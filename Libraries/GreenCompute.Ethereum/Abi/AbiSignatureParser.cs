using System.Globalization;

namespace GreenCompute.Ethereum.Abi;

/// <summary>
/// Reads human-readable Solidity declarations: types ("(uint256,bytes)[2]"), parameter lists
/// ("address indexed from, uint256 value") and signatures ("function f(uint a) view returns (bool)").
/// </summary>
internal sealed class AbiSignatureParser
{
    private static readonly HashSet<string> IgnoredWords = ["memory", "calldata", "storage", "payable"];

    private readonly string _text;
    private int _position;

    private AbiSignatureParser(string text) => _text = text;

    public static AbiType ParseType(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new AbiSignatureParser(text);
        parser.SkipSpace();
        var type = parser.ReadType();
        parser.ExpectEnd();
        return type;
    }

    /// <summary>Parses "keyword name(params) modifiers [returns (params)]" where the keyword is optional.</summary>
    public static AbiDeclaration ParseDeclaration(string text, string keyword)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new AbiSignatureParser(text);
        parser.SkipSpace();
        var name = parser.ReadIdentifier();
        if (name == keyword)
        {
            parser.SkipSpace();
            name = parser.ReadIdentifier();
        }

        parser.SkipSpace();
        var inputs = parser.ReadParameterList();
        IReadOnlyList<AbiParameter> outputs = [];
        var anonymous = false;
        parser.SkipSpace();
        while (!parser.AtEnd)
        {
            var word = parser.ReadIdentifier();
            parser.SkipSpace();
            if (word == "returns")
            {
                outputs = parser.ReadParameterList();
            }
            else if (word == "anonymous")
            {
                anonymous = true;
            }
            else if (word is not ("view" or "pure" or "payable" or "nonpayable" or "external" or "public" or "constant"))
            {
                throw parser.Error($"unexpected '{word}'");
            }

            parser.SkipSpace();
        }

        return new AbiDeclaration(name, inputs, outputs, anonymous);
    }

    private bool AtEnd => _position >= _text.Length;

    private IReadOnlyList<AbiParameter> ReadParameterList()
    {
        Expect('(');
        var parameters = new List<AbiParameter>();
        SkipSpace();
        if (TryConsume(')'))
        {
            return parameters;
        }

        while (true)
        {
            SkipSpace();
            parameters.Add(ReadParameter());
            SkipSpace();
            if (TryConsume(')'))
            {
                return parameters;
            }

            Expect(',');
        }
    }

    private AbiParameter ReadParameter()
    {
        var type = ReadType();
        var indexed = false;
        var name = string.Empty;
        SkipSpace();
        while (!AtEnd && IsIdentifierStart(_text[_position]))
        {
            var word = ReadIdentifier();
            SkipSpace();
            if (word == "indexed")
            {
                indexed = true;
            }
            else if (!IgnoredWords.Contains(word))
            {
                name = name.Length == 0 ? word : throw Error($"unexpected '{word}'");
            }
        }

        return new AbiParameter(name, type, indexed);
    }

    private AbiType ReadType()
    {
        AbiType type;
        if (!AtEnd && _text[_position] == '(')
        {
            type = AbiType.Tuple(ReadParameterList());
        }
        else
        {
            var start = _position;
            var word = ReadIdentifier();
            if (word == "tuple" && !AtEnd && _text[_position] == '(')
            {
                type = AbiType.Tuple(ReadParameterList());
            }
            else
            {
                type = ParseElementary(word) ?? throw Error($"unknown type '{word}'", start);
            }
        }

        while (TryConsume('['))
        {
            var start = _position;
            while (!AtEnd && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }

            int? length = null;
            if (_position > start)
            {
                if (_text[start] == '0' && _position - start > 1
                    || !int.TryParse(_text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    throw Error("bad array length", start);
                }

                length = parsed;
            }

            Expect(']');
            type = AbiType.ArrayOf(type, length);
        }

        return type;
    }

    private static AbiType? ParseElementary(string word)
    {
        switch (word)
        {
            case "address":
                return AbiType.Address;
            case "bool":
                return AbiType.Bool;
            case "string":
                return AbiType.String;
            case "bytes":
                return AbiType.Bytes;
            case "uint":
                return AbiType.UInt(256);
            case "int":
                return AbiType.Int(256);
            case "byte":
                return AbiType.FixedBytes(1);
        }

        if (TrySize(word, "uint", out var bits))
        {
            return AbiType.UInt(bits);
        }

        if (TrySize(word, "int", out bits))
        {
            return AbiType.Int(bits);
        }

        return TrySize(word, "bytes", out var size) ? AbiType.FixedBytes(size) : null;
    }

    private static bool TrySize(string word, string prefix, out int size)
    {
        size = 0;
        var digits = word.AsSpan();
        if (!digits.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        digits = digits[prefix.Length..];
        return digits.Length is > 0 and <= 3 && digits[0] != '0'
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }

    private string ReadIdentifier()
    {
        var start = _position;
        if (AtEnd || !IsIdentifierStart(_text[_position]))
        {
            throw Error("expected a name");
        }

        while (!AtEnd && (IsIdentifierStart(_text[_position]) || char.IsAsciiDigit(_text[_position])))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$';

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private bool TryConsume(char c)
    {
        if (!AtEnd && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error($"expected '{c}'");
        }
    }

    private void ExpectEnd()
    {
        SkipSpace();
        if (!AtEnd)
        {
            throw Error("unexpected text");
        }
    }

    private AbiException Error(string what, int? at = null) =>
        new($"Bad ABI signature '{_text}': {what} at position {at ?? _position}.");
}
