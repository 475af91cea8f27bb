using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Courses;
using TrainingLrs.Authoring.Diagnostics;

namespace TrainingLrs.Authoring.Lint;

/// <summary>Checks across lessons: module ids, language editions, course.yml references, pass rules.</summary>
internal static class CourseLint
{
    public static void Check(CourseDefinition course, IReadOnlyList<LessonPage> lessons, DiagnosticBag diagnostics)
    {
        var byModule = lessons.Where(l => l.FrontMatter is not null).GroupBy(l => l.Source.Module).ToList();
        var moduleIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in byModule)
        {
            var reference = group.FirstOrDefault(l => !l.Source.IsFallback) ?? group.First();
            foreach (var lesson in group.Where(l => !l.Source.IsFallback && l != reference))
            {
                CheckEdition(reference, lesson, diagnostics);
            }

            if (reference.Id.Length > 0 && !moduleIds.TryAdd(reference.Id, group.Key.Folder))
            {
                diagnostics.Error(reference.Path, reference.FrontMatter!.Line, 1, DiagnosticCodes.DuplicateId,
                    $"Module id '{reference.Id}' is also used by module folder '{moduleIds[reference.Id]}'.");
            }

            var needsPass = group.Key.MoveOn is MoveOn.Passed or MoveOn.CompletedAndPassed;
            if (needsPass && !reference.HasAssessment)
            {
                diagnostics.Error(reference.Path, 1, 1, DiagnosticCodes.InvalidSetting,
                    $"moveOn is {group.Key.MoveOn} but the module has no assessment, so no learner could ever pass it.");
            }
        }

        if (byModule.Count == course.Modules.Count)
        {
            CheckReferences(course, moduleIds.Keys.ToHashSet(StringComparer.Ordinal), diagnostics);
        }
    }

    private static void CheckEdition(LessonPage reference, LessonPage lesson, DiagnosticBag diagnostics)
    {
        if (lesson.Id != reference.Id)
        {
            diagnostics.Error(lesson.Path, lesson.FrontMatter!.Line, 1, DiagnosticCodes.EditionMismatch,
                $"Module id '{lesson.Id}' differs from '{reference.Id}' in {reference.Path}; every language edition shares one id.");
        }

        var expected = reference.Questions.Select(q => q.Id).ToList();
        var actual = lesson.Questions.Select(q => q.Id).ToList();
        if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
            var extra = actual.Except(expected, StringComparer.Ordinal).ToList();
            var detail = missing.Count + extra.Count == 0 ? "they are in a different order" :
                string.Join("; ", new[] { missing.Count > 0 ? "missing " + string.Join(", ", missing) : null, extra.Count > 0 ? "extra " + string.Join(", ", extra) : null }.OfType<string>());
            diagnostics.Error(lesson.Path, 1, 1, DiagnosticCodes.EditionMismatch,
                $"Question ids differ from {reference.Path} ({detail}); editions share question ids so results count for the same question.");
        }

        foreach (var (mine, theirs) in lesson.Questions.Zip(reference.Questions).Where(p => p.First.Id == p.Second.Id))
        {
            if (!mine.CorrectKeys.SequenceEqual(theirs.CorrectKeys))
            {
                diagnostics.Error(lesson.Path, mine.Line, 1, DiagnosticCodes.EditionMismatch,
                    $"Question '{mine.Id}' marks other options correct than in {reference.Path}; keep options in the same order.");
            }
        }
    }

    private static void CheckReferences(CourseDefinition course, HashSet<string> moduleIds, DiagnosticBag diagnostics)
    {
        foreach (var id in course.Campaign?.RequiredModules ?? [])
        {
            if (!moduleIds.Contains(id))
            {
                diagnostics.Error(CourseYamlReader.FileName, 0, 0, DiagnosticCodes.ModuleMissing, $"campaign.requiredModules names '{id}', which is not a module id.");
            }
        }

        foreach (var webinar in course.Webinars)
        {
            foreach (var id in webinar.Modules.Where(id => !moduleIds.Contains(id)))
            {
                diagnostics.Error(CourseYamlReader.FileName, 0, 0, DiagnosticCodes.ModuleMissing, $"Webinar '{webinar.Id}' names module '{id}', which is not a module id.");
            }
        }
    }
}
