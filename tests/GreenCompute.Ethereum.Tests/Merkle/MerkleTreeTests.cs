using System.Globalization;
using System.Numerics;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Merkle;

namespace GreenCompute.Ethereum.Tests.Merkle;

public class MerkleTreeTests
{
    private static byte[][] Leaves(int count) => [.. Enumerable.Range(0, count).Select(i => Keccak256.HashUtf8($"leaf {i}"))];

    [Fact]
    public void Build_OneLeaf_RootIsTheLeafAndProofEmpty()
    {
        var leaf = Leaves(1)[0];

        var tree = MerkleTree.Build([leaf]);

        Assert.Equal(leaf, tree.Root);
        Assert.Empty(tree.GetProof(0));
        Assert.True(MerkleTree.Verify([], tree.Root, leaf));
    }

    [Fact]
    public void Build_TwoLeaves_RootIsKeccakOfSortedPair()
    {
        var leaves = Leaves(2);
        var (low, high) = leaves[0].AsSpan().SequenceCompareTo(leaves[1]) < 0 ? (leaves[0], leaves[1]) : (leaves[1], leaves[0]);

        var tree = MerkleTree.Build(leaves);

        Assert.Equal(Keccak256.Hash([.. low, .. high]), tree.Root);
        Assert.Equal(tree.Root, MerkleTree.Build([leaves[1], leaves[0]]).Root);
    }

    [Fact]
    public void Build_ThreeLeaves_OddLeafMovesUpUnchanged()
    {
        var leaves = Leaves(3);

        var tree = MerkleTree.Build(leaves);

        Assert.Equal(MerkleTree.HashPair(MerkleTree.HashPair(leaves[0], leaves[1]), leaves[2]), tree.Root);
        Assert.Equal([MerkleTree.HashPair(leaves[0], leaves[1])], tree.GetProof(2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(100)]
    public void GetProof_EveryLeaf_Verifies(int count)
    {
        var leaves = Leaves(count);
        var tree = MerkleTree.Build(leaves);

        for (var i = 0; i < count; i++)
        {
            var proof = tree.GetProof(i);
            Assert.True(MerkleTree.Verify(proof, tree.Root, leaves[i]), $"leaf {i} of {count}");
            Assert.True(proof.Length <= (int)Math.Ceiling(Math.Log2(count)));
        }
    }

    [Fact]
    public void Verify_TamperedLeafOrWrongIndexProof_False()
    {
        var leaves = Leaves(6);
        var tree = MerkleTree.Build(leaves);
        var tampered = (byte[])leaves[2].Clone();
        tampered[31] ^= 1;

        Assert.False(MerkleTree.Verify(tree.GetProof(2), tree.Root, tampered));
        Assert.False(MerkleTree.Verify(tree.GetProof(3), tree.Root, leaves[2]));
    }

    [Fact]
    public void HashPair_Commutative()
    {
        var leaves = Leaves(2);

        Assert.Equal(MerkleTree.HashPair(leaves[0], leaves[1]), MerkleTree.HashPair(leaves[1], leaves[0]));
    }

    [Fact]
    public void Build_NoLeavesOrShortLeaf_Throws()
    {
        Assert.Throws<ArgumentException>(() => MerkleTree.Build([]));
        Assert.Throws<ArgumentException>(() => MerkleTree.Build([new byte[31]]));
    }

    /// <summary>
    /// The example of OpenZeppelin's @openzeppelin/merkle-tree README (StandardMerkleTree.of with types
    /// address, uint256): its published root, first leaf and that leaf's proof.
    /// </summary>
    [Fact]
    public void Build_OpenZeppelinMerkleTreeReadmeExample_SameRootLeafAndProof()
    {
        AbiType[] types = [AbiType.Address, AbiType.UInt(256)];
        var first = MerkleLeaf.Hash(types, ["0x1111111111111111111111111111111111111111", BigInteger.Parse("5000000000000000000", CultureInfo.InvariantCulture)]);
        var second = MerkleLeaf.Hash(types, ["0x2222222222222222222222222222222222222222", BigInteger.Parse("2500000000000000000", CultureInfo.InvariantCulture)]);

        var tree = MerkleTree.Build([first, second]);

        Assert.Equal("0xeb02c421cfa48976e66dfb29120745909ea3a0f843456c263cf8f1253483e283", HexConverter.ToHex(first));
        Assert.Equal("0xd4dee0beab2d53f2cc83e567171bd2820e49898130a22622b10ead383e90bd77", HexConverter.ToHex(tree.Root));
        Assert.Equal(["0xb92c48e9d7abe27fd8dfd6b5dfdbfb1c9a463f80c712b66f3a5180a090cccafc"], tree.GetProof(0).Select(p => HexConverter.ToHex(p)));
    }

    [Fact]
    public void MerkleLeaf_Hash_IsKeccakOfKeccakOfAbiEncode()
    {
        AbiType[] types = [AbiType.Address, AbiType.UInt(256)];
        object?[] values = ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 1000];

        var leaf = MerkleLeaf.Hash(types, values);

        Assert.Equal(Keccak256.Hash(Keccak256.Hash(AbiEncoder.Encode(types, values))), leaf);
    }
}
