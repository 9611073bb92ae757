namespace Yishi.Platform.Media;

/// <summary>Resource marker for the messages of photo uploads (<see cref="PhotoProcessor"/>).</summary>
public sealed class MediaStrings;
