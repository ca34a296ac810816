using System.Text.Json;
using System.Text.Json.Serialization;
using CivicGrid.Safety.Detections;

namespace CivicGrid.Web.Safety;

/// <summary>
/// Source-generated JSON for the detection endpoints, the busiest of the API: no reflection when camera systems post.
/// First in the host's resolver chain, so the host's options (encoder, numbers as strings) still apply.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DetectionRequest))]
[JsonSerializable(typeof(DetectionRequest[]))]
[JsonSerializable(typeof(DetectionAnswer))]
[JsonSerializable(typeof(IReadOnlyList<DetectionAnswer>))]
internal sealed partial class DetectionJson : JsonSerializerContext;
