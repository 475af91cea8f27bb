using LiteDB;

namespace TrainingLrs.Lrs.Storage;

/// <summary>
/// LiteDB compiles every distinct expression text (about a millisecond each) and caches it by text.
/// <c>Query.EQ("field", value)</c> puts the value into the text, so each new value compiles anew;
/// parameters keep the text constant and the compiled expression reused.
/// </summary>
internal static class Parameterized
{
    public static BsonExpression Expression(string text, params BsonValue[] values) => BsonExpression.Create(text, values);
}
