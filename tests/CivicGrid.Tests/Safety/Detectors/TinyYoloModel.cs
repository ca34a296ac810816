namespace CivicGrid.Tests.Safety.Detectors;

/// <summary>
/// Writes a tiny ONNX model (protobuf encoded by hand) that answers a fixed YOLOv8-shaped output <c>[1, 4 + classes, n]</c>
/// for a <c>[1, 3, 64, 64]</c> image: <c>output0 = candidates + 0 × mean(images)</c>, so the image really goes through the
/// graph (ReduceMean, Mul, Add; opset 13) while the boxes stay known to the test.
/// </summary>
public static class TinyYoloModel
{
    public const int InputSize = 64;

    /// <summary>Candidates as (cx, cy, w, h, class scores…) in model pixels.</summary>
    public static byte[] Build(IReadOnlyList<float[]> candidates)
    {
        var attributes = candidates[0].Length;
        var n = candidates.Count;
        var data = new float[attributes * n];
        for (var c = 0; c < n; c++)
        {
            for (var a = 0; a < attributes; a++)
            {
                data[(a * n) + c] = candidates[c][a];
            }
        }

        var graph = new Proto()
            .Message(1, Node(["images"], ["mean"], "ReduceMean", new Proto().String(1, "keepdims").Int(3, 0).Int(20, 2)))
            .Message(1, Node(["mean", "zero"], ["nothing"], "Mul"))
            .Message(1, Node(["candidates", "nothing"], ["output0"], "Add"))
            .String(2, "tiny-yolo")
            .Message(5, Tensor("candidates", [1, attributes, n], data))
            .Message(5, Tensor("zero", [], [0f]))
            .Message(11, ValueInfo("images", [1, 3, InputSize, InputSize]))
            .Message(12, ValueInfo("output0", [1, attributes, n]));
        return new Proto()
            .Int(1, 8)
            .String(2, "CivicGrid.Tests")
            .Message(7, graph)
            .Message(8, new Proto().String(1, "").Int(2, 13))
            .ToArray();
    }

    private static Proto Node(string[] inputs, string[] outputs, string op, Proto? attribute = null)
    {
        var node = new Proto();
        foreach (var i in inputs)
        {
            node.String(1, i);
        }

        foreach (var o in outputs)
        {
            node.String(2, o);
        }

        node.String(3, op.ToLowerInvariant()).String(4, op);
        return attribute is null ? node : node.Message(5, attribute);
    }

    private static Proto Tensor(string name, long[] dims, float[] values)
    {
        var tensor = new Proto();
        foreach (var d in dims)
        {
            tensor.Int(1, d);
        }

        var packed = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, packed, 0, packed.Length);
        return tensor.Int(2, 1).Bytes(4, packed).String(8, name);
    }

    private static Proto ValueInfo(string name, long[] dims)
    {
        var shape = new Proto();
        foreach (var d in dims)
        {
            shape.Message(1, new Proto().Int(1, d));
        }

        var tensorType = new Proto().Int(1, 1).Message(2, shape);
        return new Proto().String(1, name).Message(2, new Proto().Message(1, tensorType));
    }

    /// <summary>The protobuf wire format, just the parts ONNX needs: varints and length-delimited fields.</summary>
    private sealed class Proto
    {
        private readonly MemoryStream _bytes = new();

        public Proto Int(int field, long value)
        {
            Varint((ulong)(field << 3));
            Varint((ulong)value);
            return this;
        }

        public Proto String(int field, string value) => Bytes(field, System.Text.Encoding.UTF8.GetBytes(value));

        public Proto Message(int field, Proto message) => Bytes(field, message.ToArray());

        public Proto Bytes(int field, byte[] value)
        {
            Varint((ulong)((field << 3) | 2));
            Varint((ulong)value.Length);
            _bytes.Write(value);
            return this;
        }

        public byte[] ToArray() => _bytes.ToArray();

        private void Varint(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }

            _bytes.WriteByte((byte)value);
        }
    }
}
