using GreenCompute.Ethereum.Hashing;

namespace GreenCompute.Ethereum.Merkle;

/// <summary>
/// A binary Merkle tree over 32-byte leaf hashes with sorted-pair hashing, parent = keccak256(min(a,b) ‖ max(a,b)),
/// which is what OpenZeppelin's MerkleProof.verify expects: a proof is the list of siblings from leaf to root, with
/// no left/right flags. Leaves keep the order given; an odd node at the end of a level moves up unchanged (no
/// duplication), so its proof simply has no sibling at that level.
/// </summary>
public sealed class MerkleTree
{
    private readonly byte[][][] _levels;

    private MerkleTree(byte[][][] levels) => _levels = levels;

    /// <summary>The leaf hashes, in order (level 0).</summary>
    public IReadOnlyList<byte[]> Leaves => _levels[0];

    public int Count => _levels[0].Length;

    public byte[] Root => (byte[])_levels[^1][0].Clone();

    /// <param name="leaves">Leaf hashes (see <see cref="MerkleLeaf"/>), 32 bytes each, at least one.</param>
    public static MerkleTree Build(IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (leaves.Count == 0)
        {
            throw new ArgumentException("A Merkle tree needs at least one leaf.", nameof(leaves));
        }

        var level = new byte[leaves.Count][];
        for (var i = 0; i < leaves.Count; i++)
        {
            level[i] = leaves[i] is { Length: Keccak256.HashSize } leaf
                ? (byte[])leaf.Clone()
                : throw new ArgumentException($"Leaf {i} is not a 32-byte hash.", nameof(leaves));
        }

        var levels = new List<byte[][]> { level };
        while (level.Length > 1)
        {
            var parent = new byte[(level.Length + 1) / 2][];
            for (var i = 0; i < parent.Length; i++)
            {
                parent[i] = 2 * i + 1 < level.Length ? HashPair(level[2 * i], level[2 * i + 1]) : level[2 * i];
            }

            levels.Add(parent);
            level = parent;
        }

        return new MerkleTree([.. levels]);
    }

    /// <summary>The sibling hashes from the leaf at <paramref name="index"/> up to the root.</summary>
    public byte[][] GetProof(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var proof = new List<byte[]>();
        for (var depth = 0; depth < _levels.Length - 1; depth++)
        {
            var sibling = index ^ 1;
            if (sibling < _levels[depth].Length)
            {
                proof.Add((byte[])_levels[depth][sibling].Clone());
            }

            index /= 2;
        }

        return [.. proof];
    }

    /// <summary>OpenZeppelin's MerkleProof.verify: folds <paramref name="proof"/> into <paramref name="leaf"/> and compares with the root.</summary>
    public static bool Verify(IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root, ReadOnlySpan<byte> leaf)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var computed = leaf.ToArray();
        foreach (var sibling in proof)
        {
            computed = HashPair(computed, sibling);
        }

        return computed.AsSpan().SequenceEqual(root);
    }

    /// <summary>keccak256 of the two hashes in ascending byte order (OpenZeppelin Hashes.commutativeKeccak256).</summary>
    public static byte[] HashPair(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != Keccak256.HashSize || b.Length != Keccak256.HashSize)
        {
            throw new ArgumentException("Merkle nodes are 32-byte hashes.");
        }

        Span<byte> pair = stackalloc byte[2 * Keccak256.HashSize];
        var aFirst = a.SequenceCompareTo(b) <= 0;
        a.CopyTo(aFirst ? pair : pair[Keccak256.HashSize..]);
        b.CopyTo(aFirst ? pair[Keccak256.HashSize..] : pair);
        return Keccak256.Hash(pair);
    }
}
