using CivicGrid.Safety.Detections;

namespace CivicGrid.Safety.Detectors;

/// <summary>
/// A detector the platform runs itself on an uploaded snapshot. What it finds goes through the same ingest path and rules as
/// a camera system's detections (<see cref="IngestDetection"/>).
/// </summary>
public interface ISnapshotDetector
{
    /// <summary>Stable name used by the API (<c>intrusion</c>, <c>onnx:helmet</c>).</summary>
    string Name { get; }

    string Title { get; }

    /// <summary>Whether it can run here; when not, why (shown on the console).</summary>
    DetectorStatus Status { get; }

    /// <summary>What the detector sees in the JPEG, per detection type; empty when nothing.</summary>
    Task<IReadOnlyList<DetectorFinding>> DetectAsync(byte[] jpeg, CameraEntry camera, CancellationToken ct);
}

/// <summary>One detection type seen in a snapshot, with its boxes in image fractions and the best confidence among them.</summary>
public sealed record DetectorFinding(DetectionType Type, double Confidence, IReadOnlyList<DetectionBox> Boxes);

public sealed record DetectorStatus(string Name, string Title, bool Available, string Message);
