/**
 * The English text the generated vocabularies are learned from (their most frequent character n-grams become
 * tokens), so that test models tokenize real words into real multi-character tokens.
 */
export const vocabularyText = `An agent is a program that reads, reasons and acts on behalf of a person. The agent reads the task,
looks up the invoice, checks the balance of the treasury, and pays the supplier within the budget. Every
payment is checked by the wallet guard before it is signed: the recipient must be on the allowlist, the amount
must stay under the daily limit, and an address that came from a web page or an e-mail never becomes a
recipient without the approval of a human. The audit log records every model call, every tool call and every
payment decision, with the prompt, the completion and the reasoning committed but kept private. Auditors can
verify the log from public data, and the owner can erase personal data when the law requires it. Open models
such as DeepSeek run locally on a laptop or on a data center GPU; the same runtime connects them to tools,
to the chain and to the log. The research agent reads token balances, transfers and metadata from the chain
and writes a short report with the sources it used. Time, tokens and steps are limited by a budget, and a
malformed answer from the model is repaired once and then the step fails safe, so that no funds move.
the of and to in is that for it as was with be by on not he this are or his from at which but have an they
you were her she there one all we their has been would will more if no when what so can said who about up
out them some could time into only other new then these two may first any like now my such make over our
even most after also did many before must through back years where much your way well down should because
each just those people how too little state good very world still own see men work long here get both between
life being under never day same another know while last might us great old year off come since against go
came right used take three himself few house use during without again place around however home small found
thought went say part once general high upon school every does got united left number course war until
always away something fact though water less public put think almost hand enough far took head yet government
system better set told nothing night end why called eyes find going look asked later point knew city next
program business give group toward young days let room president side social given present several order
national possible rather second face per among form important often things looking early white case john
become large big need four within felt along children saw best church ever least power development light
thing seemed family interest want members mind country area others done turned although open god service
certain kind problem began different door thus help sense means whole matter perhaps itself york times human
law line above name example action company hands local show whether five history gave today either act feet
across taken past quite anything seen having death week experience body word half really field car words
already themselves information tell together college shall money period held keep sure real probably free
seems political cannot behind miss question air office making brought whose special heard major problems ago
became federal moment study available known result street economic boy position reason change south board
individual job society areas west close turn love community true court force full seem am wife age policy
voice everything control third process idea private whatever market price value cost rate contract token
address transaction block chain wallet key signature hash proof model weight layer tensor vocabulary`
