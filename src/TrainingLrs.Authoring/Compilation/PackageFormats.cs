namespace TrainingLrs.Authoring.Compilation;

/// <summary>The outputs a compile can produce; combine with <c>|</c>.</summary>
[Flags]
public enum PackageFormats
{
    /// <summary>Nothing but checks (lint only).</summary>
    None = 0,

    /// <summary>Static web lessons under <c>web/</c>, as the server hosts them under /lessons/.</summary>
    Web = 1,

    /// <summary>SCORM 1.2 zips.</summary>
    Scorm12 = 2,

    /// <summary>SCORM 2004 4th Edition zips.</summary>
    Scorm2004 = 4,

    /// <summary>cmi5 zips.</summary>
    Cmi5 = 8,

    /// <summary>All three LMS package formats.</summary>
    AllPackages = Scorm12 | Scorm2004 | Cmi5,

    /// <summary>Web lessons and all package formats.</summary>
    All = Web | AllPackages,
}
