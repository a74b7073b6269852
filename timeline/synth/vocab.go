package synth

import (
	"math/rand/v2"
	"strings"
)

// baseWords are the head of the vocabulary: the frequent words of a news
// chronology. The tail is made of pronounceable invented words, so that
// the vocabulary has the long tail of real text without shipping a
// dictionary.
const baseWords = `the of and to in a for on that with by at from as was were said after before
council minister court trade treaty army ship ships grain tax taxes king queen bishop city port
harbour merchant merchants letter letters report reports envoy envoys border river bridge war
peace siege fleet market price prices loan loans bank banks debt charter guild law laws decree
election vote votes assembly senate governor mayor archive ledger record records witness claim
claims inquiry trial verdict sentence prison fire flood famine plague harvest winter summer
spring autumn north south east west northern southern eastern western new old great first second
third last early late secret public official officials agreement dispute protest strike riot
rebellion alliance embassy consul consulate cargo customs duty duties smuggling fraud bribe
bribes scandal sanctions exports imports tariff tariffs railway road canal mine mines mill mills
factory workers union press newspaper pamphlet sermon church temple monastery school university
hospital doctor engineer architect painter poet printer sailor soldier captain general admiral
colonel envoy ambassador prince princess duke duchess count emperor empire republic province
district village town capital island coast valley mountain desert forest estate tenants rent
contract shipment arrives departs signs signed meets met announces announced denies denied
accuses accused elects elected appoints appointed dismisses dismissed opens opened closes closed
builds built burns burned seizes seized releases released visits visited negotiates reported
alleged expected confirms confirmed publishes published orders ordered returns returned flees
fled arrests arrested pardons pardoned founds founded dissolves dissolved raises raised lowers
lowered borrows borrowed lends lent sells sold buys bought`

// vocabulary returns the words titles and summaries are drawn from, the
// frequent ones first (Zipf picks low indexes most often).
func vocabulary(r *rand.Rand) []string {
	words := strings.Fields(baseWords)
	onsets := []string{"b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pr", "r", "s", "st", "t", "tr", "v", "z"}
	vowels := []string{"a", "e", "i", "o", "u", "ai", "ea", "ou"}
	codas := []string{"", "n", "r", "s", "l", "nd", "rt", "x", "m"}
	seen := make(map[string]bool, 6000)
	for _, w := range words {
		seen[w] = true
	}
	for len(words) < 6000 {
		var b strings.Builder
		for range 2 + r.IntN(2) {
			b.WriteString(onsets[r.IntN(len(onsets))])
			b.WriteString(vowels[r.IntN(len(vowels))])
		}
		b.WriteString(codas[r.IntN(len(codas))])
		if w := b.String(); !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}
