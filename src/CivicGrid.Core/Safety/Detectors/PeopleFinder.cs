using CivicGrid.Safety.Detections;

namespace CivicGrid.Safety.Detectors;

/// <summary>A person found in an image: the box in image fractions and the detector's score (HOG SVM margin).</summary>
public readonly record struct PersonBox(DetectionBox Box, double Score);

/// <summary>Finds people in an encoded image.</summary>
public interface IPeopleFinder
{
    IReadOnlyList<PersonBox> Find(byte[] image);
}

/// <summary>Creates the people finder; this is where a native library that cannot load shows up (as an exception).</summary>
public interface IPeopleFinderLoader
{
    /// <summary>What the console calls the native dependency when it cannot load (<c>OpenCV</c>).</summary>
    string Library { get; }

    IPeopleFinder Load();
}
