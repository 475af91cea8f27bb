namespace TrainingLrs.Lrs.Storage;

/// <summary>What a write does with a statement whose id is stored already (a different statement with that id is always a 409).</summary>
internal enum StoredIdPolicy
{
    /// <summary>The same statement again is a no-op and its id is answered as stored: PUT in both versions, POST in 2.0, the in-server ingest.</summary>
    AcceptIdentical,

    /// <summary>
    /// Any stored id refuses the whole request with 409 and stores nothing: POST in 1.0.x, whose
    /// Communication 2.1.1 lets the LRS answer "409 Conflict or 204 No Content", and 204 is no answer to a POST.
    /// </summary>
    Refuse,
}
